import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF104',
  name: 'label-not-url',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give URL labels a valid URL',
  fix: 'none',
  anchors: { hadolint: ['DL3052'] },
  messages: {
    notUrl: (key: string, value: string) => `Label '${key}' is not a valid URL: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `url` holds a value that is not an absolute URL with a scheme.',
    rationale: 'Tools link to an image\'s source, documentation or vendor from these labels; a value such as `github.com/org/repo` (no scheme) or a bare word cannot be followed. Values that use a build variable (`$SOURCE_URL`) are not judged, since their final text is only known at build time. The rule does nothing until a label schema is configured.',
    remediation: 'Use an absolute URL, such as `https://github.com/example/app`.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/app"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.source: url }\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'url')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notUrl', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
