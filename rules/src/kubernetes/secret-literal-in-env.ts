import { defineRule } from '../engine/rule';
import { nodeRange, stringValue } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { envOf } from '../model/kubernetes/pod';
import { isPrivateKey, isTrivialValue, looksLikeSecretName } from '../model/kubernetes/secrets';

export default defineRule({
  id: 'K8S016',
  name: 'secret-literal-in-env',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'error',
  title: 'Do not put secrets in literal environment values',
  fix: 'none',
  anchors: {
    kubeLinter: ['env-var-secret'],
    polaris: ['sensitiveContainerEnvVar'],
  },
  messages: {
    literal: (container: string, name: string) => `${container} sets '${name}' to a literal value; it looks like a secret.`,
    privateKey: (container: string, name: string) => `${container} puts a private key in environment variable '${name}'.`,
  },
  docs: {
    summary: 'An environment variable whose name looks like a credential (password, token, secret, API key …) has a literal `value`, or a value holds a PEM private key.',
    rationale: 'Literal values live in the manifest, in Git history, in `kubectl get -o yaml` output and in every copy of the file; anyone who can read the Deployment can read the credential. A Secret referenced through `valueFrom.secretKeyRef` keeps the value out of the manifest and under separate RBAC. Names ending in _FILE, _PATH, _NAME, _URL and similar, empty values and `$(VAR)` references are not reported.',
    remediation: 'Store the value in a Secret and reference it with `valueFrom.secretKeyRef` (or mount the Secret as a file).',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables', 'https://cwe.mitre.org/data/definitions/798.html'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: hunter2\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const file = c.workload.object.file;
      for (const e of envOf(c)) {
        const value = stringValue(e.valueNode);
        if (e.name === undefined || value === undefined || e.valueFrom !== undefined) continue;
        const at = nodeRange(file, e.valueNode) ?? c.range;
        if (isPrivateKey(value)) ctx.report({ at, messageId: 'privateKey', args: [containerLabel(c), e.name] });
        else if (looksLikeSecretName(e.name) && !isTrivialValue(value)) ctx.report({ at, messageId: 'literal', args: [containerLabel(c), e.name] });
      }
    },
  },
});
