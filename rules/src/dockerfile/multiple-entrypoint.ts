import { defineRule } from '../engine/rule';
import { reportOverridden } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF026',
  name: 'multiple-entrypoint',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'Use one ENTRYPOINT per stage',
  fix: 'safe',
  anchors: { hadolint: ['DL4004'], trivy: ['AVD-DS-0007'], kics: ['6938958b-3f1a-451c-909b-baeee14bdc97'], buildkit: ['MultipleInstructionsDisallowed'] },
  messages: {
    overridden: (line: number) => `This ENTRYPOINT has no effect: the ENTRYPOINT on line ${line} replaces it.`,
  },
  docs: {
    summary: 'A stage contains more than one ENTRYPOINT; only the last one takes effect.',
    rationale: 'Earlier ENTRYPOINT instructions are silently replaced, so the Dockerfile reads as if it did something it does not; usually one of them is a leftover or a mistake.',
    remediation: 'Keep only the ENTRYPOINT you mean, as the last one in the stage.',
    references: ['https://docs.docker.com/reference/dockerfile/'],
    examples: { bad: ['FROM alpine:3.20\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n'], good: ['FROM alpine:3.20\nENTRYPOINT ["b"]\n', 'FROM alpine:3.20 AS a\nENTRYPOINT ["b"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      reportOverridden(s, ctx, 'ENTRYPOINT');
    },
  },
});
