import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { findFlag, removeFlag } from '../model/dockerfile/shell-query';

const FLAGS = ['-k', '--insecure'];

export default defineRule({
  id: 'DF015',
  name: 'curl-insecure',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not disable TLS verification in curl',
  fix: 'safe',
  anchors: { checkov: ['CKV2_DOCKER_2'] },
  messages: {
    insecure: (flag: string) => `curl ${flag} accepts any TLS certificate, so the download can be swapped in transit.`,
  },
  docs: {
    summary: 'curl runs with `-k`/`--insecure` (also inside a flag cluster such as `-fsSLk`).',
    rationale: 'Without certificate verification anyone on the network path (a proxy, a compromised Wi-Fi, a poisoned DNS answer) can serve different bytes, which the build then installs or executes.',
    remediation: 'Remove `-k`/`--insecure`; if the server uses a private CA, add the CA with `--cacert` or to the system trust store.',
    references: ['https://curl.se/docs/sslcerts.html', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM alpine:3.20\nRUN curl -fsSLk -o /tmp/x https://example.com/x\n'], good: ['FROM alpine:3.20\nRUN curl -fsSL -o /tmp/x https://example.com/x\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'curl') continue;
          const w = findFlag(c, ...FLAGS);
          if (!w) continue;
          const edit = removeFlag(ctx.model, w, FLAGS);
          ctx.report({ at: w.range, messageId: 'insecure', args: [w.value], ...(edit ? { fix: { title: 'Remove the insecure flag', edits: [edit] } } : {}) });
        }
      },
    },
  },
});
