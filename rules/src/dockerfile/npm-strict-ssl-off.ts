import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';
import { findAssignments } from '../model/dockerfile/assignments';

const FALSE = /^(false|0|no)$/i;
const messages = {
  off: (what: string) => `'${what}' turns off TLS certificate checks for the package registry.`,
};

function checkEnv(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const a of findAssignments(ctx.model, i, ['NPM_CONFIG_STRICT_SSL', 'YARN_STRICT_SSL', 'YARN_ENABLE_STRICT_SSL'])) {
    if (a.value !== undefined && FALSE.test(a.value)) ctx.report({ at: a.nameRange, messageId: 'off', args: [`${a.name}=${a.value}`] });
  }
}

export default defineRule({
  id: 'DF018',
  name: 'npm-strict-ssl-off',
  target: 'dockerfile',
  category: 'network',
  severity: 'error',
  title: 'Do not turn off strict-ssl for npm or yarn',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_12', 'CKV2_DOCKER_13'] },
  messages,
  docs: {
    summary: 'npm or yarn certificate checks are disabled: `npm config set strict-ssl false`, `--strict-ssl=false`, `yarn config set strict-ssl false` or `NPM_CONFIG_STRICT_SSL=false`.',
    rationale: 'With strict-ssl off the registry connection accepts any certificate, so packages (and their install scripts, which run during the build) can be replaced in transit.',
    remediation: 'Keep strict-ssl on; for a private registry with its own CA set `cafile` (`npm config set cafile <pem>`) or `NODE_EXTRA_CA_CERTS`.',
    references: ['https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl', 'https://cwe.mitre.org/data/definitions/295.html'],
    examples: {
      bad: ['FROM node:22-alpine\nRUN npm config set strict-ssl false && npm ci\n', 'FROM node:22-alpine\nENV NPM_CONFIG_STRICT_SSL=false\n'],
      good: ['FROM node:22-alpine\nRUN npm config set cafile /etc/ssl/certs/internal-ca.pem && npm ci\n'],
    },
  },
  hooks: {
    onInstruction: {
      ENV: checkEnv,
      ARG: checkEnv,
      RUN(i, ctx) {
        checkEnv(i, ctx);
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'npm' && c.name !== 'yarn' && c.name !== 'pnpm') continue;
          const flag = c.args.find((a) => /^--strict-ssl=(false|0|no)$/i.test(a.value));
          if (flag) ctx.report({ at: flag.range, messageId: 'off', args: [`${c.name} ${flag.value}`] });
          const p = positionals(c);
          const setAt = p[0]?.value === 'set' ? 0 : p[0]?.value === 'config' && p[1]?.value === 'set' ? 1 : -1;
          const key = p[setAt + 1];
          if (setAt < 0 || !key) continue;
          const [k, inline] = key.value.split('=');
          const value = inline ?? p[setAt + 2]?.value ?? '';
          if ((k === 'strict-ssl' || k === 'strictSsl' || k === 'enableStrictSsl') && FALSE.test(value)) ctx.report({ at: key.range, messageId: 'off', args: [`${c.name} config set ${k} ${value}`] });
        }
      },
    },
  },
});
