import { defineRule } from '../engine/rule';

/** Variable names referenced in a value (`$X`, `${X}`, `${X:-y}`). */
function referenced(value: string): string[] {
  return [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

export default defineRule({
  id: 'DF085',
  name: 'env-self-reference',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'Do not use a variable in the ENV that defines it',
  fix: 'none',
  anchors: { hadolint: ['DL3044'] },
  messages: {
    self: (name: string) => `'${name}' is defined earlier in this ENV, but the reference still sees its old value.`,
  },
  docs: {
    summary: 'An ENV refers to a variable that an earlier pair of the same ENV instruction defines.',
    rationale: 'All pairs of one ENV are substituted with the values from before the instruction, so `ENV A=1 B=$A` sets B to the previous A (often empty), not 1.',
    remediation: 'Split the instruction: `ENV A=1` then `ENV B=$A`.',
    references: ['https://docs.docker.com/reference/dockerfile/#environment-replacement'],
    examples: { bad: ['FROM alpine:3.20\nENV APP=/app BIN=$APP/bin\n'], good: ['FROM alpine:3.20\nENV APP=/app\nENV BIN=$APP/bin\n'] },
  },
  hooks: {
    onInstruction: {
      ENV(i, ctx) {
        const defined = new Set<string>();
        for (const p of i.properties) {
          const hit = referenced(p.value ?? '').find((n) => defined.has(n));
          if (hit && p.valueRange) ctx.report({ at: p.valueRange, messageId: 'self', args: [hit] });
          defined.add(p.name);
        }
      },
    },
  },
});
