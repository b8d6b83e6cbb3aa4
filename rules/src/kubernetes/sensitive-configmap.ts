import { defineRule } from '../engine/rule';
import { mapGet, mapPairs, nodeRange, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isPrivateKey, isTrivialValue, looksLikeSecretName } from '../model/kubernetes/secrets';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S052',
  name: 'sensitive-configmap',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Do not store secrets in ConfigMaps',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-01010', 'AVD-KSV-0109'], polaris: ['sensitiveConfigmapContent'] },
  messages: {
    key: (configMap: string, key: string) => `${configMap} stores '${key}', which looks like a secret.`,
    privateKey: (configMap: string, key: string) => `${configMap} stores a private key in '${key}'.`,
  },
  docs: {
    summary: 'A ConfigMap key looks like a credential (password, token, secret, API key …) with a real value, or a value holds a PEM private key.',
    rationale: 'ConfigMaps are readable by far more subjects than Secrets (many roles grant get/list on configmaps), are not encrypted at rest by default, and show up in plain text in `kubectl describe`. Credentials belong in Secrets (or an external secret store).',
    remediation: 'Move the value into a Secret and reference it from the pod.',
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
    examples: {
      bad: [objectYaml('v1', 'ConfigMap', 'data:\n  DB_PASSWORD: hunter2\n')],
      good: [objectYaml('v1', 'ConfigMap', 'data:\n  LOG_LEVEL: info\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'ConfigMap' || o.apiVersion !== 'v1') return;
      for (const p of mapPairs(mapGet(o.node, 'data'))) {
        const key = stringValue(p.key);
        const value = stringValue(p.value);
        if (key === undefined || value === undefined) continue;
        const at = nodeRange(o.file, p.key) ?? o.headRange;
        if (isPrivateKey(value)) ctx.report({ at, messageId: 'privateKey', args: [objectLabel(o), key] });
        else if (looksLikeSecretName(key) && !isTrivialValue(value) && !value.includes('\n')) ctx.report({ at, messageId: 'key', args: [objectLabel(o), key] });
      }
    },
  },
});
