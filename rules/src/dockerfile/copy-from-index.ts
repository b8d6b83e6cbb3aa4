import { defineRule } from '../engine/rule';
import { fromFlag } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF090',
  name: 'copy-from-index',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Refer to build stages by name, not index',
  fix: 'none',
  anchors: { kics: ['68a51e22-ae5a-4d48-8e87-b01a323605c9'] },
  messages: {
    index: (ref: string) => `COPY --from=${ref} refers to a stage by position; inserting a stage silently changes what is copied.`,
  },
  docs: {
    summary: '`COPY --from=<number>` selects a build stage by its index.',
    rationale: 'Stage numbers shift when a stage is added or removed above, and the COPY then takes files from a different stage without any error.',
    remediation: 'Name the stage (`FROM … AS build`) and use `COPY --from=build`.',
    references: ['https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'],
    examples: { bad: ['FROM golang:1.23\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=0 /app /app\n'], good: ['FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) {
        const f = fromFlag(i);
        if (f?.value && /^\d+$/.test(f.value)) ctx.report({ at: f.valueRange ?? f.range, messageId: 'index', args: [f.value] });
      },
    },
  },
});
