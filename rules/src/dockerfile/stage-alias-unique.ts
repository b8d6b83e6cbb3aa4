import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF030',
  name: 'stage-alias-unique',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'Give every build stage a unique name',
  fix: 'none',
  anchors: { hadolint: ['DL3024'], checkov: ['CKV_DOCKER_11'], trivy: ['AVD-DS-0012'], kics: ['f2daed12-c802-49cd-afed-fe41d0b82fed'], buildkit: ['DuplicateStageName'] },
  messages: {
    duplicate: (name: string, line: number) => `Stage name '${name}' is already used on line ${line}.`,
  },
  docs: {
    summary: 'Two FROM instructions declare the same `AS` name (names compare case-insensitively).',
    rationale: 'BuildKit rejects duplicate stage names; older builders silently let the later stage shadow the earlier one for `COPY --from` and `FROM`, so the wrong files are copied.',
    remediation: 'Rename one of the stages and update the references to it.',
    references: ['https://docs.docker.com/reference/build-checks/duplicate-stage-name/'],
    examples: { bad: ['FROM node:22 AS build\nFROM golang:1.23 AS build\n'], good: ['FROM node:22 AS web\nFROM golang:1.23 AS api\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      if (!s.name || !s.nameRange) return;
      const first = ctx.model.stages.find((o) => o.index < s.index && o.name === s.name);
      if (first) ctx.report({ at: s.nameRange, messageId: 'duplicate', args: [s.name, first.from.range.start.line + 1] });
    },
  },
});
