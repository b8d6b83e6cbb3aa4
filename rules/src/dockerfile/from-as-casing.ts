import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF094',
  name: 'from-as-casing',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Match the case of AS to FROM',
  fix: 'safe',
  anchors: { buildkit: ['FromAsCasing'] },
  messages: {
    casing: (as: string, from: string) => `'${as}' does not match the case of '${from}'.`,
  },
  docs: {
    summary: 'A FROM line mixes cases between the keyword and `AS` (`FROM x as y`, `from x AS y`).',
    rationale: 'Consistent casing keeps keywords distinguishable from image and stage names at a glance; BuildKit warns about it.',
    remediation: 'Write `AS` in the same case as `FROM`.',
    references: ['https://docs.docker.com/reference/build-checks/from-as-casing/'],
    examples: { bad: ['FROM golang:1.23 as build\n'], good: ['FROM golang:1.23 AS build\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const as = s.from.args.find((a) => a.value.toLowerCase() === 'as');
      if (!as || !s.name) return;
      const from = ctx.model.lines.slice(s.from.keywordRange);
      const upper = from === from.toUpperCase();
      const wanted = upper ? 'AS' : 'as';
      if (from !== from.toUpperCase() && from !== from.toLowerCase()) return;
      if (as.value !== wanted) ctx.report({ at: as.range, messageId: 'casing', args: [as.value, from], fix: { title: `Write ${wanted}`, edits: [{ range: as.range, newText: wanted }] } });
    },
  },
});
