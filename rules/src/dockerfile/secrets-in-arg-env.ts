import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { isSecretName, isTokenShaped } from '../model/dockerfile/secrets';

const messages = {
  name: (kw: string, name: string) => `${kw} ${name} looks like a secret; ${kw === 'ENV' ? 'ENV values are stored in the image config' : 'build arguments are recorded in the image history'}.`,
  value: (kw: string, name: string) => `The value of ${kw} ${name} has the shape of a credential (token or private key).`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const p of i.properties) {
    const explicitlyEmpty = i.keyword === 'ENV' && (p.value === undefined || p.value === '' || p.value === '""' || p.value === "''");
    if (isSecretName(p.name) && !explicitlyEmpty) ctx.report({ at: p.nameRange, messageId: 'name', args: [i.keyword, p.name] });
    else if (p.value && p.valueRange && isTokenShaped(p.value)) ctx.report({ at: p.valueRange, messageId: 'value', args: [i.keyword, p.name] });
  }
}

export default defineRule({
  id: 'DF006',
  name: 'secrets-in-arg-env',
  target: 'dockerfile',
  category: 'secrets',
  severity: 'error',
  title: 'Do not pass secrets through ARG or ENV',
  fix: 'none',
  anchors: {
    hadolint: ['DL3064'],
    trivy: ['AVD-DS-0031'],
    kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'],
    dockle: ['CIS-DI-0010'],
    buildkit: ['SecretsUsedInArgOrEnv'],
  },
  messages,
  docs: {
    summary: 'An ARG or ENV whose name says it holds a credential (PASSWORD, TOKEN, SECRET, API_KEY, PRIVATE_KEY, …) or whose value looks like a known token format.',
    rationale: 'ENV values are part of the image configuration and ARG values end up in `docker history`; anyone who can pull the image can read them. Names are matched by whole tokens, so pointers to secrets (`PASSWORD_FILE=/run/secrets/db`) and public material (`GPG_KEY` fingerprints) are not reported. Severity is error, following Trivy and Dockle (hadolint and BuildKit only warn): a leaked credential is exploitable as is.',
    remediation: 'Pass secrets with `RUN --mount=type=secret,id=<name>` (build) or inject them at runtime, and remove the ARG/ENV.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://cwe.mitre.org/data/definitions/798.html'],
    examples: {
      bad: ['FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n', 'FROM alpine:3.20\nARG NPM_TOKEN\n'],
      good: ['FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n', 'FROM alpine:3.20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n'],
    },
  },
  hooks: {
    onInstruction: {
      ARG(i, ctx) { check(i, ctx); },
      ENV(i, ctx) { check(i, ctx); },
    },
  },
});

