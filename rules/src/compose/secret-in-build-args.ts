import { defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { parseEnvironment } from '../model/compose/options';
import { isSecretName, isLiteralSecretValue, urlPassword } from '../model/compose/secrets';
import { mapGet, pairOf, nodeRange } from '../model/yaml/documents';

export default defineRule({
  id: 'DC026',
  name: 'secret-in-build-args',
  target: 'compose',
  category: 'secrets',
  severity: 'warning',
  title: 'Do not pass secrets as build arguments',
  fix: 'none',
  anchors: {
    kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'],
  },
  messages: {
    literal: (service: string, name: string) => `Service '${service}' passes the build argument ${name} a literal secret.`,
    passed: (service: string, name: string) => `Service '${service}' passes a secret as the build argument ${name}; it stays in the image history.`,
  },
  docs: {
    summary: 'A `build.args` entry whose name says it holds a credential is set, either literally or through interpolation, or holds a URL with a password.',
    rationale: 'Build arguments are recorded in the image metadata and in the history of every layer that uses them (`docker history` shows them), so anyone who can pull the image can read the secret, even when the value came from the environment at build time.',
    remediation: 'Pass the credential as a build secret: declare it under `build.secrets` (and top-level `secrets:`), and read it in the Dockerfile with `RUN --mount=type=secret,id=<name>`.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/compose-file/build/#secrets', 'https://docs.docker.com/reference/compose-file/build/#args'],
    examples: {
      bad: ['services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n'],
      good: ['services:\n  app:\n    build:\n      context: .\n      secrets: [npm_token]\nsecrets:\n  npm_token:\n    environment: NPM_TOKEN\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const build = fieldOf(s, 'build');
      const argsPair = pairOf(build?.value, 'args');
      if (!build || !argsPair) return;
      const argsField = { ...build, key: 'args', pair: argsPair, value: mapGet(build.value, 'args'), at: build.inherited ? build.at : nodeRange(ctx.model.file, argsPair.key) ?? build.at };
      for (const a of parseEnvironment(ctx.model.file, argsField)) {
        const secretName = isSecretName(a.name) && (a.value === undefined || a.value.trim() !== '');
        if (secretName) ctx.report({ at: a.at, messageId: isLiteralSecretValue(a.value) ? 'literal' : 'passed', args: [s.name, a.name] });
        else if (urlPassword(a.value) !== undefined) ctx.report({ at: a.at, messageId: 'literal', args: [s.name, a.name] });
      }
    },
  },
});
