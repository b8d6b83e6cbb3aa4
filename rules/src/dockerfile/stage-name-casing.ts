import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF093',
  name: 'stage-name-casing',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Write stage names in lower case',
  fix: 'safe',
  anchors: { buildkit: ['StageNameCasing'] },
  messages: {
    casing: (name: string) => `Stage name '${name}' should be lower case; stage references are case-insensitive, image names are not.`,
  },
  docs: {
    summary: 'A stage is named with upper-case letters (`FROM … AS Build`).',
    rationale: 'Stage names are compared case-insensitively but image references must be lower case, so a mixed-case name reads like an image and invites confusion when it is used in `FROM` or `COPY --from`.',
    remediation: 'Lower-case the stage name.',
    references: ['https://docs.docker.com/reference/build-checks/stage-name-casing/'],
    examples: { bad: ['FROM golang:1.23 AS Build\n'], good: ['FROM golang:1.23 AS build\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      if (!s.nameRange) return;
      const raw = ctx.model.lines.slice(s.nameRange);
      if (raw !== raw.toLowerCase()) ctx.report({ at: s.nameRange, messageId: 'casing', args: [raw], fix: { title: 'Lower-case the stage name', edits: [{ range: s.nameRange, newText: raw.toLowerCase() }] } });
    },
  },
});
