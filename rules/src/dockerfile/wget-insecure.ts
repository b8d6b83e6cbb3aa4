import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { findFlag, removeFlag } from '../model/dockerfile/shell-query';

const FLAGS = ['--no-check-certificate'];

export default defineRule({
  id: 'DF016',
  name: 'wget-insecure',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not disable TLS verification in wget',
  fix: 'safe',
  anchors: { checkov: ['CKV2_DOCKER_3'] },
  messages: {
    insecure: () => 'wget --no-check-certificate accepts any TLS certificate, so the download can be swapped in transit.',
  },
  docs: {
    summary: 'wget runs with `--no-check-certificate`.',
    rationale: 'Without certificate verification anyone on the network path can serve different bytes, which the build then installs or executes.',
    remediation: 'Remove `--no-check-certificate`; for a private CA pass `--ca-certificate=<file>` or install the CA into the trust store.',
    references: ['https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: { bad: ['FROM alpine:3.20\nRUN wget --no-check-certificate https://example.com/x\n'], good: ['FROM alpine:3.20\nRUN wget https://example.com/x\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'wget') continue;
          const w = findFlag(c, ...FLAGS);
          if (!w) continue;
          const edit = removeFlag(ctx.model, w, FLAGS);
          ctx.report({ at: w.range, messageId: 'insecure', args: [], ...(edit ? { fix: { title: 'Remove --no-check-certificate', edits: [edit] } } : {}) });
        }
      },
    },
  },
});
