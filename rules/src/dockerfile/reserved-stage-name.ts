import { defineRule } from '../engine/rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  id: 'DF065',
  name: 'reserved-stage-name',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Do not name a stage scratch or context',
  fix: 'none',
  anchors: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
  messages: {
    reserved: (name: string) => `'${name}' is a reserved word; FROM ${name} and COPY --from=${name} would not refer to this stage.`,
  },
  docs: {
    summary: 'A stage is named `scratch` or `context`.',
    rationale: '`scratch` always means the empty image and `context` names build contexts, so references to the stage silently resolve to something else.',
    remediation: 'Rename the stage.',
    references: ['https://docs.docker.com/reference/build-checks/reserved-stage-name/'],
    examples: { bad: ['FROM alpine:3.20 AS scratch\n'], good: ['FROM alpine:3.20 AS base\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      if (s.name && s.nameRange && RESERVED.has(s.name)) ctx.report({ at: s.nameRange, messageId: 'reserved', args: [s.name] });
    },
  },
});
