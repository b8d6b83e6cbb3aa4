import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF105',
  name: 'label-not-rfc3339',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give date labels an RFC 3339 time',
  fix: 'none',
  anchors: { hadolint: ['DL3053'] },
  messages: {
    notRfc3339: (key: string, value: string) => `Label '${key}' is not an RFC 3339 date-time: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `rfc3339` holds a value that is not an RFC 3339 date-time (`2024-05-01T12:00:00Z`).',
    rationale: 'The OCI `org.opencontainers.image.created` label and similar dates are parsed by registries and scanners; a free-form date such as `May 1st` or a date without a time zone is read differently by each tool, or not at all. Values that use a build variable (`$BUILD_DATE`) are not judged. The rule does nothing until a label schema is configured.',
    remediation: 'Write the full date, time and offset, for example `2024-05-01T12:00:00Z` (`date -u +%Y-%m-%dT%H:%M:%SZ` prints one).',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md', 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.created: rfc3339 }\nFROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.created: rfc3339 }\nFROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'rfc3339')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notRfc3339', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
