import { defineRule } from '../engine/rule';
import { schemaType } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF102',
  name: 'label-superfluous',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Set only labels the label schema lists',
  fix: 'none',
  anchors: { hadolint: ['DL3050'] },
  messages: {
    superfluous: (key: string) => `Label '${key}' is not in the label schema.`,
  },
  docs: {
    summary: 'With `strictLabels: true` (hadolint\'s `strict-labels`) and a label schema, a LABEL sets a key the schema does not list.',
    rationale: 'Teams that agree on a fixed set of labels want a typo such as `org.opencontainers.image.sorce` caught instead of silently shipping a label nobody reads. The rule does nothing unless both a label schema and `strictLabels` are configured.',
    remediation: 'Remove the label, fix its key, or add it to the label schema.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.source: url }, strictLabels: true\nFROM alpine:3.20\nLABEL org.opencontainers.image.sorce="https://example.com/repo"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.source: url }, strictLabels: true\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://example.com/repo"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        if (!ctx.policy.strictLabels || Object.keys(ctx.policy.labelSchema).length === 0) return;
        for (const p of i.properties) {
          if (schemaType(ctx.policy, p.name) === undefined) ctx.report({ at: p.nameRange, messageId: 'superfluous', args: [p.name] });
        }
      },
    },
  },
});
