import { defineRule } from '../engine/rule';
import { KEYWORDS } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF099',
  name: 'instruction-casing',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Write all instruction keywords in the same case',
  fix: 'safe',
  anchors: { buildkit: ['ConsistentInstructionCasing'] },
  messages: {
    casing: (kw: string, wanted: string) => `'${kw}' should be written '${wanted}' like the other instructions.`,
  },
  docs: {
    summary: 'Instruction keywords mix upper and lower case (or a keyword is in mixed case such as `Run`).',
    rationale: 'Consistent keywords make the file easy to scan and keep keywords distinct from arguments; BuildKit warns about inconsistent casing. The majority case wins (upper case on a tie).',
    remediation: 'Write every keyword in the file\'s majority case, normally upper case.',
    references: ['https://docs.docker.com/reference/build-checks/consistent-instruction-casing/'],
    examples: { bad: ['FROM alpine:3.20\nrun echo hi\nCOPY a /a\n'], good: ['FROM alpine:3.20\nRUN echo hi\nCOPY a /a\n'] },
  },
  hooks: {
    onEnd(ctx) {
      const raws = ctx.model.instructions.filter((i) => KEYWORDS.has(i.keyword)).map((i) => ({ i, raw: ctx.model.lines.slice(i.keywordRange) }));
      const upper = raws.filter((r) => r.raw === r.raw.toUpperCase()).length;
      const lower = raws.filter((r) => r.raw === r.raw.toLowerCase()).length;
      const toUpper = upper >= lower;
      for (const { i, raw } of raws) {
        const wanted = toUpper ? raw.toUpperCase() : raw.toLowerCase();
        if (raw !== wanted) ctx.report({ at: i.keywordRange, messageId: 'casing', args: [raw, wanted], fix: { title: `Write ${wanted}`, edits: [{ range: i.keywordRange, newText: wanted }] } });
      }
    },
  },
});
