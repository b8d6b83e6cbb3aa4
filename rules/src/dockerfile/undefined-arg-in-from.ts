import { defineRule } from '../engine/rule';

/** ARGs the builder predefines for every build. */
const PREDEFINED = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE', 'BUILDKIT_SYNTAX']);

function names(text: string): string[] {
  if (!text.includes('$')) return [];
  return [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

export default defineRule({
  id: 'DF097',
  name: 'undefined-arg-in-from',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Declare every ARG used in FROM before the first FROM',
  fix: 'none',
  anchors: { buildkit: ['UndefinedArgInFrom'] },
  messages: {
    undefined: (name: string) => `'${name}' is not declared by an ARG before the first FROM, so it expands to an empty string here.`,
  },
  docs: {
    summary: 'FROM (its image or `--platform`) uses a variable that no ARG before the first FROM declares and that is not a predefined platform ARG.',
    rationale: 'Only global ARGs are visible in FROM; an ARG declared inside a stage, a misspelt name or an ENV expands to nothing, so the build pulls an unexpected image or fails with an empty reference.',
    remediation: 'Declare the variable with `ARG NAME=default` before the first FROM.',
    references: ['https://docs.docker.com/reference/build-checks/undefined-arg-in-from/', 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact'],
    examples: { bad: ['FROM node:${NODE_VERSION}-alpine\n'], good: ['ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n', 'FROM --platform=$BUILDPLATFORM golang:1.23\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const texts = [s.from.args[0]?.value ?? '', ...s.from.flags.map((f) => f.value ?? '')];
      const seen = new Set<string>();
      for (const n of texts.flatMap(names)) {
        if (seen.has(n) || PREDEFINED.has(n) || ctx.model.globalArgs.has(n)) continue;
        seen.add(n);
        ctx.report({ at: s.imageRange ?? s.from.range, messageId: 'undefined', args: [n] });
      }
    },
  },
});
