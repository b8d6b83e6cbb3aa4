import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF023',
  name: 'port-range',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'EXPOSE only valid port numbers',
  fix: 'none',
  anchors: { hadolint: ['DL3011'], trivy: ['AVD-DS-0008'], kics: ['71bf8cf8-f0a1-42fa-b9d2-d10525e0a38e'] },
  messages: {
    range: (port: string) => `Port '${port}' is outside 0-65535.`,
  },
  docs: {
    summary: 'EXPOSE names a port (or a range bound) above 65535.',
    rationale: 'Ports are 16-bit numbers; the build fails or the port is silently meaningless, and the intended service port is not documented.',
    remediation: 'Use a port number between 0 and 65535.',
    references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    examples: { bad: ['FROM alpine:3.20\nEXPOSE 80000\n'], good: ['FROM alpine:3.20\nEXPOSE 8080 40000-60000/tcp\n'] },
  },
  hooks: {
    onInstruction: {
      EXPOSE(i, ctx) {
        for (const w of i.args) {
          const port = w.value.split('/')[0]!;
          if (port.includes('$')) continue;
          const bounds = port.split('-').filter((b) => /^\d+$/.test(b)).map(Number);
          if (bounds.some((b) => b > 65535)) ctx.report({ at: w.range, messageId: 'range', args: [w.value] });
        }
      },
    },
  },
});
