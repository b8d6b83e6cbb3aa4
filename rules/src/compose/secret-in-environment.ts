import { lazySuggestion, defineRule } from '../engine/rule';
import { isSecretName, isLiteralSecretValue, urlPassword } from '../model/compose/secrets';
import { replaceScalar } from '../model/compose/edits';
import type { EnvVar } from '../model/compose/options';
import type { YamlFile } from '../model/yaml/documents';

/** Replaces the literal with `${NAME}`, so the value comes from the shell or an untracked .env file. */
function interpolate(file: YamlFile, v: EnvVar) {
  if (v.inherited) return undefined;
  return v.valueNode !== undefined ? replaceScalar(file, v.valueNode, `\${${v.name}}`) : replaceScalar(file, v.node, `${v.name}=\${${v.name}}`);
}

export default defineRule({
  id: 'DC025',
  name: 'secret-in-environment',
  target: 'compose',
  category: 'secrets',
  severity: 'error',
  title: 'Do not write secrets into environment variables',
  fix: 'suggestion',
  anchors: {
    kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'],
  },
  messages: {
    literal: (service: string, name: string) => `Service '${service}' sets ${name} to a literal secret.`,
    urlCredentials: (service: string, name: string) => `Service '${service}' puts a password inside the URL in ${name}.`,
  },
  docs: {
    summary: 'An `environment` entry whose name says it holds a credential (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY …) has a literal value, or any entry holds a URL with an embedded password.',
    rationale: 'The Compose file ends up in version control, CI logs and image registries\' build contexts, so a literal credential in it is effectively published. Environment variables are also visible through `docker inspect` and to every process in the container, and are often dumped by crash reporters.',
    remediation: 'Use Compose secrets (a top-level `secrets:` entry, mounted under /run/secrets, with the image reading a `*_FILE` variable), or at least `${VAR}` interpolation with the value in an untracked `.env` file.',
    references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'https://docs.docker.com/reference/compose-file/services/#environment', 'https://cwe.mitre.org/data/definitions/798.html'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n', 'services:\n  app:\n    image: example/app:1.0\n    environment:\n      - DATABASE_URL=postgres://app:hunter2@db:5432/app\n'],
      good: ['services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const file = ctx.model.file;
      for (const v of s.environment) {
        const byName = isSecretName(v.name) && isLiteralSecretValue(v.value);
        const inUrl = !byName && urlPassword(v.value) !== undefined;
        if (!byName && !inUrl) continue;
        ctx.report({ at: v.at, messageId: byName ? 'literal' : 'urlCredentials', args: [s.name, v.name], fixes: lazySuggestion(`Read ${v.name} from the environment (\${${v.name}})`, () => byName ? interpolate(file, v) : undefined) });
      }
    },
  },
});
