import { defineRule } from '../engine/rule';
import { schemaType } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF103',
  name: 'label-empty',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give schema labels a value',
  fix: 'none',
  anchors: { hadolint: ['DL3051'] },
  messages: {
    empty: (key: string) => `Label '${key}' is empty.`,
  },
  docs: {
    summary: 'A label that the configured label schema lists is set to an empty string.',
    rationale: 'An empty label satisfies a presence check while carrying no information, so the image still cannot be traced to its owner or source. The rule does nothing until a label schema is configured.',
    remediation: 'Set the label to a real value, for example from a build argument: `LABEL org.opencontainers.image.revision=$GIT_SHA`.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.authors: text }\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=""\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.authors: text }\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors="Platform team"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of i.properties) {
          if (p.value === '' && schemaType(ctx.policy, p.name) !== undefined) ctx.report({ at: p.range, messageId: 'empty', args: [p.name] });
        }
      },
    },
  },
});
