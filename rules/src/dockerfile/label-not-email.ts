import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF109',
  name: 'label-not-email',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give contact labels an email address',
  fix: 'none',
  anchors: { hadolint: ['DL3058'] },
  messages: {
    notEmail: (key: string, value: string) => `Label '${key}' is not an email address: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `email` holds a value that is not an RFC 5322 mailbox (`team@example.com` or `Team <team@example.com>`).',
    rationale: 'Contact labels are how an incident responder reaches an image\'s owner; a value like `platform team` or `team(at)example.com` cannot be mailed. Bulkhead also accepts a display name with the address in angle brackets, the form most `authors` labels use. Values that use a build variable are not judged. The rule does nothing until a label schema is configured.',
    remediation: 'Use a mailbox address, for example `platform@example.com` or `Platform <platform@example.com>`.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md', 'https://www.rfc-editor.org/rfc/rfc5322#section-3.4'],
    examples: {
      bad: ['# configured with labelSchema: { maintainer: email }\nFROM alpine:3.20\nLABEL maintainer="platform team"\n'],
      good: ['# configured with labelSchema: { maintainer: email }\nFROM alpine:3.20\nLABEL maintainer="platform@example.com"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'email')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notEmail', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
