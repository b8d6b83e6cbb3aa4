import { defineRule } from '../engine/rule';
import { reportOverridden } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF025',
  name: 'multiple-cmd',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Use one CMD per stage',
  fix: 'safe',
  anchors: { hadolint: ['DL4003'], trivy: ['AVD-DS-0016'], kics: ['41c195f4-fc31-4a5c-8a1b-90605538d49f'], buildkit: ['MultipleInstructionsDisallowed'] },
  messages: {
    overridden: (line: number) => `This CMD has no effect: the CMD on line ${line} replaces it.`,
  },
  docs: {
    summary: 'A stage contains more than one CMD; only the last one takes effect.',
    rationale: 'Earlier CMD instructions are silently replaced, so the Dockerfile reads as if it did something it does not; usually one of them is a leftover or a mistake.',
    remediation: 'Keep only the CMD you mean, as the last one in the stage.',
    references: ['https://docs.docker.com/reference/dockerfile/'],
    examples: { bad: ['FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n'], good: ['FROM alpine:3.20\nCMD ["b"]\n', 'FROM alpine:3.20 AS a\nCMD ["b"]\nFROM alpine:3.20\nCMD ["b"]\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      reportOverridden(s, ctx, 'CMD');
    },
  },
});
