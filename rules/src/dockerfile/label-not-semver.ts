import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF108',
  name: 'label-not-semver',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give version labels a semantic version',
  fix: 'none',
  anchors: { hadolint: ['DL3056'] },
  messages: {
    notSemver: (key: string, value: string) => `Label '${key}' is not a semantic version: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `semver` holds a value that is not a Semantic Versioning 2.0.0 version (`1.4.2`, `2.0.0-rc.1`).',
    rationale: 'Release tooling sorts and compares versions read from labels; `v1.2` or `latest` cannot be compared reliably. A leading `v` is not part of a semantic version. Values that use a build variable are not judged. The rule does nothing until a label schema is configured.',
    remediation: 'Write MAJOR.MINOR.PATCH, optionally with a pre-release (`-rc.1`) or build suffix (`+build.5`).',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md', 'https://semver.org/spec/v2.0.0.html'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.version: semver }\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.2"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.version: semver }\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.0"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'semver')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notSemver', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
