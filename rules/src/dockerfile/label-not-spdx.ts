import { defineRule } from '../engine/rule';
import { badLabelValues } from '../model/dockerfile/labels';

export default defineRule({
  id: 'DF106',
  name: 'label-not-spdx',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Give license labels an SPDX identifier',
  fix: 'none',
  anchors: { hadolint: ['DL3054'] },
  messages: {
    notSpdx: (key: string, value: string) => `Label '${key}' is not an SPDX license identifier or expression: '${value}'.`,
  },
  docs: {
    summary: 'A label that the configured label schema types as `spdx` holds a value that is neither an SPDX license identifier (`Apache-2.0`) nor an SPDX license expression (`MIT OR Apache-2.0`).',
    rationale: 'License scanners and SBOM tools read `org.opencontainers.image.licenses` as an SPDX expression; a name such as `Apache 2` or `BSD` is ambiguous and is reported as unknown. Bulkhead accepts full SPDX expressions (hadolint accepts single identifiers only), since the OCI label is defined as an expression. Values that use a build variable are not judged. The rule does nothing until a label schema is configured.',
    remediation: 'Use the identifier from the SPDX license list, for example `Apache-2.0`, `MIT` or `GPL-3.0-only`.',
    references: ['https://github.com/opencontainers/image-spec/blob/main/annotations.md', 'https://spdx.org/licenses/'],
    examples: {
      bad: ['# configured with labelSchema: { org.opencontainers.image.licenses: spdx }\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2"\n'],
      good: ['# configured with labelSchema: { org.opencontainers.image.licenses: spdx }\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n'],
    },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of badLabelValues(i, ctx.policy, 'spdx')) ctx.report({ at: p.valueRange ?? p.range, messageId: 'notSpdx', args: [p.name, p.value ?? ''] });
      },
    },
  },
});
