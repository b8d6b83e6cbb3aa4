import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF095',
  name: 'expose-proto-casing',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Write EXPOSE protocols in lower case',
  fix: 'safe',
  anchors: { buildkit: ['ExposeProtoCasing'] },
  messages: {
    casing: (port: string) => `The protocol in '${port}' should be lower case.`,
  },
  docs: {
    summary: 'EXPOSE names a protocol in upper or mixed case (`80/TCP`).',
    rationale: 'Protocols are matched in lower case (`tcp`, `udp`, `sctp`); BuildKit warns, and tools that compare port specs literally may not recognise the port.',
    remediation: 'Lower-case the protocol.',
    references: ['https://docs.docker.com/reference/build-checks/expose-proto-casing/'],
    examples: { bad: ['FROM nginx:1.27\nEXPOSE 80/TCP\n'], good: ['FROM nginx:1.27\nEXPOSE 80/tcp\n'] },
  },
  hooks: {
    onInstruction: {
      EXPOSE(i, ctx) {
        for (const w of i.args) {
          const proto = w.value.split('/')[1];
          if (proto !== undefined && proto !== proto.toLowerCase() && !proto.includes('$')) ctx.report({ at: w.range, messageId: 'casing', args: [w.value], fix: { title: 'Lower-case the protocol', edits: [{ range: w.range, newText: w.value.toLowerCase() }] } });
        }
      },
    },
  },
});
