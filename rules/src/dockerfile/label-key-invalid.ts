import { defineRule } from '../engine/rule';

const RESERVED = /^(com\.docker|io\.docker|org\.dockerproject)\./;

function problem(key: string): string | undefined {
  if (RESERVED.test(key)) return 'uses a namespace reserved for Docker';
  if (!/^[a-z0-9]/.test(key) || !/[a-z0-9]$/.test(key)) return 'must start and end with a lower-case letter or digit';
  if (/[^a-z0-9.-]/.test(key)) return 'may only contain lower-case letters, digits, dots and dashes';
  if (/[.-]{2}/.test(key)) return 'must not contain consecutive separators';
  if (/^\d/.test(key)) return 'must not start with a digit';
  return undefined;
}

export default defineRule({
  id: 'DF088',
  name: 'label-key-invalid',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Use valid label keys',
  fix: 'none',
  anchors: { hadolint: ['DL3048'] },
  messages: {
    key: (key: string, why: string) => `Label key '${key}' ${why}.`,
  },
  docs: {
    summary: 'A LABEL key breaks Docker\'s key format: reserved `com.docker.*`/`io.docker.*`/`org.dockerproject.*` namespaces, upper case or special characters, bad first/last character, or repeated separators.',
    rationale: 'Tools that read labels (registries, scanners, orchestrators) expect reverse-DNS keys in lower case; malformed keys are ignored or clash with Docker\'s own.',
    remediation: 'Use reverse-DNS keys in lower case, such as `org.opencontainers.image.source` or `com.example.team`.',
    references: ['https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations'],
    examples: { bad: ['FROM alpine:3.20\nLABEL com.docker.version="1"\n'], good: ['FROM alpine:3.20\nLABEL org.opencontainers.image.version="1.2.3"\n'] },
  },
  hooks: {
    onInstruction: {
      LABEL(i, ctx) {
        for (const p of i.properties) {
          const why = problem(p.name.replace(/^"(.*)"$/, '$1'));
          if (why) ctx.report({ at: p.nameRange, messageId: 'key', args: [p.name, why] });
        }
      },
    },
  },
});
