import { defineRule } from '../engine/rule';
import { stagesMissingLabels } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF101',
  name: 'label-missing',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Set every label the label schema requires',
  fix: 'none',
  anchors: { hadolint: ['DL3049'] },
  messages: {
    missing: (key: string) => `Label '${key}' is missing from this stage.`,
  },
  docs: {
    summary: 'When a label schema is configured (`labelSchema` in `.bulkhead.yaml`, `label-schema` in `.hadolint.yaml`), a stage that produces an image does not set one of its labels.',
    rationale: 'Registries, scanners and inventory tools find an image\'s owner, source and license through its labels; an image without them cannot be traced back. A stage counts as labelled when it sets the label itself or is built FROM a stage that does. Stages whose result is only used by other stages (named in `COPY --from`, or the base of a stage that is labelled) are not reported, since they never ship on their own. The rule does nothing until a label schema is configured.',
    remediation: 'Add a LABEL instruction with the missing key to the stage, or to the stage it is built from.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md', 'https://docs.docker.com/reference/dockerfile/#label'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nRUN echo hello\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://example.com/repo"\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      for (const [key, stages] of stagesMissingLabels(ctx.model, Object.keys(ctx.policy.labelSchema))) {
        for (const stage of stages) ctx.report({ at: stage.from.range, messageId: 'missing', args: [key] });
      }
    },
  },
});
