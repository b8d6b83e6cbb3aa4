import { defineRule } from '../engine/rule';
import { fromFlag } from '../model/dockerfile/stages';

export default defineRule({
  id: 'DF029',
  name: 'copy-from-self',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'COPY --from must not name its own stage',
  fix: 'none',
  anchors: { hadolint: ['DL3023'], trivy: ['AVD-DS-0006'], kics: ['cdddb86f-95f6-4fc4-b5a1-483d9afceb2b'] },
  messages: {
    self: (ref: string) => `COPY --from=${ref} refers to the stage it is in.`,
  },
  docs: {
    summary: '`COPY --from` names the alias (or index) of the stage that contains the COPY.',
    rationale: 'A stage cannot copy from itself: the build fails with a dependency cycle, or a same-named image is pulled instead.',
    remediation: 'Copy from an earlier stage, or use plain COPY for files from the build context.',
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
    examples: { bad: ['FROM node:22 AS app\nCOPY --from=app /x /y\n'], good: ['FROM node:22 AS deps\nRUN npm ci\nFROM node:22 AS app\nCOPY --from=deps /node_modules /app/node_modules\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) {
        const f = fromFlag(i);
        const stage = ctx.model.stages[i.stageIndex];
        if (!f?.value || !stage) return;
        const ref = f.value.toLowerCase();
        if ((stage.name !== undefined && ref === stage.name) || ref === String(stage.index)) ctx.report({ at: f.valueRange ?? f.range, messageId: 'self', args: [f.value] });
      },
    },
  },
});
