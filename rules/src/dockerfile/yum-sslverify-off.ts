import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';

/** `sslverify=0|false|no` inside one word (`--setopt=sslverify=false`, `*.sslverify=0`, `echo sslverify=0`). */
const OFF = /(^|[=.\s*])sslverify\s*=\s*(0|false|no|off)\b/i;

export default defineRule({
  id: 'DF075',
  name: 'yum-sslverify-off',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not turn off sslverify for yum or dnf',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_15'] },
  messages: {
    off: (setting: string) => `'${setting}' makes yum/dnf accept any repository certificate.`,
  },
  docs: {
    summary: 'A RUN sets `sslverify=0`/`false` for yum or dnf (via `--setopt`, `config-manager` or by writing it into a repo or config file).',
    rationale: 'With sslverify off the package manager talks to its repositories over unauthenticated TLS, so metadata and packages can be swapped in transit; combined with missing GPG checks that is arbitrary code execution in the build.',
    remediation: 'Keep `sslverify=1`; trust a private CA with `sslcacert=` or by adding it to the system trust store.',
    references: ['https://dnf.readthedocs.io/en/latest/conf_ref.html', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM centos:7\nRUN yum-config-manager --setopt=sslverify=false --save\n'], good: ['FROM centos:7\nRUN yum-config-manager --setopt=sslcacert=/etc/pki/ca.pem --save\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          // `sslverify=0` is the shortest match: shorter words are not tested.
          const w = c.args.find((a) => a.value.length >= 11 && OFF.test(a.value));
          if (w) ctx.report({ at: w.range, messageId: 'off', args: [w.value] });
        }
      },
    },
  },
});
