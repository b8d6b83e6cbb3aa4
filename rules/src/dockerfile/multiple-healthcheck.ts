import { defineRule } from '../engine/rule';
import { deleteInstruction } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF024',
  name: 'multiple-healthcheck',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'Use one HEALTHCHECK per stage',
  fix: 'safe',
  anchors: { hadolint: ['DL3012'], trivy: ['AVD-DS-0023'], buildkit: ['MultipleInstructionsDisallowed'] },
  messages: {
    overridden: (line: number) => `This HEALTHCHECK has no effect: the HEALTHCHECK on line ${line} replaces it.`,
  },
  docs: {
    summary: 'A stage contains more than one HEALTHCHECK; only the last one takes effect.',
    rationale: 'Earlier HEALTHCHECK instructions are silently replaced, so the Dockerfile reads as if it did something it does not; usually one of them is a leftover or a mistake.',
    remediation: 'Keep only the HEALTHCHECK you mean, as the last one in the stage.',
    references: ['https://docs.docker.com/reference/dockerfile/'],
    examples: { bad: ['FROM alpine:3.20\nHEALTHCHECK CMD /bin/check-a\nHEALTHCHECK CMD /bin/check-b\n'], good: ['FROM alpine:3.20\nHEALTHCHECK CMD /bin/check\n', 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD /bin/check\nFROM alpine:3.20\nHEALTHCHECK CMD /bin/check\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const all = s.instructions.filter((i) => i.keyword === 'HEALTHCHECK' && !i.onbuild);
      const last = all[all.length - 1];
      for (const i of all.slice(0, -1)) ctx.report({ at: i.keywordRange, messageId: 'overridden', args: [last!.range.start.line + 1], fix: { title: 'Remove the overridden HEALTHCHECK', edits: [deleteInstruction(ctx.model, i)] } });
    },
  },
});
