import { defineRule } from '../engine/rule';
import { copyArgs } from '../model/dockerfile/copy-sources';
import { fromFlag } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF066',
  name: 'copy-entire-stage-fs',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Do not copy a whole filesystem from another stage',
  fix: 'none',
  anchors: { hadolint: ['DL3067'] },
  messages: {
    root: (from: string) => `COPY --from=${from} / / copies the entire filesystem of that stage, build tools and caches included.`,
  },
  docs: {
    summary: '`COPY --from=<stage> / /` copies the complete root filesystem of another stage or image.',
    rationale: 'The point of a multi-stage build is to ship only the artefacts; copying everything brings compilers, package caches and possibly secrets of the build stage into the final image, and overwrites the target\'s system files.',
    remediation: 'Copy only the files the final image needs, e.g. `COPY --from=build /out/app /usr/local/bin/app`.',
    references: ['https://docs.docker.com/build/building/multi-stage/'],
    examples: { bad: ['FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n'], good: ['FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) {
        const f = fromFlag(i);
        const { sources, dest } = copyArgs(ctx.model, i);
        if (f?.value && dest?.value === '/' && sources.some((s) => s.value === '/')) ctx.report({ at: i.argsRange ?? i.range, messageId: 'root', args: [f.value] });
      },
    },
  },
});
