import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { badSettings } from '../model/dockerfile/env-settings';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

const messages = {
  off: (setting: string) => `'${setting}' disables TLS certificate verification.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const a of badSettings(ctx.model, i, ['GIT_SSL_NO_VERIFY'], (v) => v.trim() !== '' && !/^(false|0|no)$/i.test(v.trim()))) ctx.report({ at: a.nameRange, messageId: 'off', args: [`${a.name}=${a.value ?? ''}`] });
}

export default defineRule({
  id: 'DF020',
  name: 'git-ssl-no-verify',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not disable git TLS verification',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_14'] },
  messages,
  docs: {
    summary: '`GIT_SSL_NO_VERIFY` is set by ENV, ARG or in a RUN command, or git is configured with `http.sslVerify=false`.',
    rationale: 'git then clones and fetches over HTTPS without checking certificates, so source code and submodules can be replaced in transit.',
    remediation: 'Remove the variable or setting; for a private CA set `GIT_SSL_CAINFO` or `http.sslCAInfo`.',
    references: ['https://git-scm.com/docs/git#Documentation/git.txt-codeGITSSLNOVERIFYcode', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=true\n', 'FROM alpine:3.20\nRUN git config --global http.sslVerify false && git clone https://example.com/r.git\n'], good: ['FROM alpine:3.20\nENV GIT_SSL_CAINFO=/etc/ssl/certs/internal-ca.pem\n'] },
  },
  hooks: {
    onInstruction: {
      ENV: check,
      ARG: check,
      RUN(i, ctx) {
        check(i, ctx);
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'git') continue;
          // git -c http.sslVerify=false … and git config [--global] http.sslVerify false
          const inline = c.args.find((a, k) => c.args[k - 1]?.value === '-c' && /^http\.(.*\.)?sslverify=(false|0|no|off)$/i.test(a.value));
          const p = positionals(c, ['-c', '-C']);
          const key = p[0]?.value === 'config' && /^http\.(.*\.)?sslverify$/i.test(p[1]?.value ?? '') && /^(false|0|no|off)$/i.test(p[2]?.value ?? '') ? p[1] : undefined;
          const at = inline ?? key;
          if (at) ctx.report({ at: at.range, messageId: 'off', args: [inline ? `git -c ${inline.value}` : `git config ${key!.value} ${p[2]!.value}`] });
        }
      },
    },
  },
});
