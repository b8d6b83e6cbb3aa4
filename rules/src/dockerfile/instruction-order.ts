import { defineRule } from '../engine/rule';
import { KEYWORDS } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF087',
  name: 'instruction-order',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'Start the Dockerfile with FROM (or ARG)',
  fix: 'none',
  anchors: { hadolint: ['DL3061'] },
  messages: {
    order: (kw: string) => `${kw} before the first FROM is invalid; only ARG (and comments or parser directives) may precede FROM.`,
  },
  docs: {
    summary: 'An instruction other than ARG appears before the first FROM.',
    rationale: 'The builder rejects the file ("no build stage in current context"); tools that split the file into stages silently drop the instruction.',
    remediation: 'Move the instruction after FROM, or turn it into an ARG if it only supplies a value for FROM.',
    references: ['https://docs.docker.com/reference/dockerfile/#format'],
    examples: { bad: ['LABEL team=web\nFROM alpine:3.20\n'], good: ['ARG VERSION=3.20\nFROM alpine:${VERSION}\nLABEL team=web\n'] },
  },
  hooks: {
    onEnd(ctx) {
      const first = ctx.model.instructions.find((i) => i.stageIndex < 0 && i.keyword !== 'ARG' && KEYWORDS.has(i.keyword));
      if (first) ctx.report({ at: first.keywordRange, messageId: 'order', args: [first.keyword] });
    },
  },
});
