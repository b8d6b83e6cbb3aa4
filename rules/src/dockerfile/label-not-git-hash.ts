import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF107',
  name: 'label-not-git-hash',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give revision labels a git commit id',
  fix: 'none',
  anchors: { hadolint: ['DL3055'] },
  messages: {
    notHash: (key: string, value: string) => `Label '${key}' is not a git commit id: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `hash` holds a value that is not a git commit id (7 to 40 hexadecimal digits, or 64 for SHA-256 repositories).',
    rationale: 'A revision label lets anyone go from an image back to the exact commit it was built from; a branch name or tag such as `main` moves and cannot be relied on. Values that use a build variable (`$GIT_SHA`) are not judged. The rule does nothing until a label schema is configured.',
    remediation: 'Record the commit id, for example `LABEL org.opencontainers.image.revision=$GIT_SHA` with `--build-arg GIT_SHA=$(git rev-parse HEAD)`.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.revision: hash }\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.revision: hash }\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'hash')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notHash', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
