import { defineRule } from '../engine/rule';
import { getIn, mapGet, nodeRange, seqItems, keyRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { envOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S051',
  name: 'secret-in-env-ref',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'info',
  title: 'Prefer secret volumes over secret environment variables',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['read-secret-from-env-var'], checkov: ['CKV_K8S_35'], kubesec: ['SecretsAsEnvironmentVariables'], kics: ['3d658f8b-d988-41a0-a841-40043121de1e'] },
  messages: {
    env: (container: string, name: string) => `${container} reads a Secret into environment variable '${name}'.`,
    envFrom: (container: string) => `${container} loads a whole Secret into its environment with envFrom.`,
  },
  docs: {
    summary: 'A container reads a Secret through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`.',
    rationale: 'Environment variables leak easily: crash reports, debug endpoints, child processes and `/proc/<pid>/environ` all expose them, and they cannot be rotated without a restart. Files from a secret volume are updated in place and readable only by the process that opens them. Off by default: env secrets are common and much better than literals (see secret-literal-in-env).',
    remediation: 'Mount the Secret as a volume and read the value from the file.',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
    examples: {
      bad: [containerYaml('env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n')],
      good: [containerYaml('volumeMounts:\n  - name: db\n    mountPath: /etc/db\n    readOnly: true\n', 'volumes:\n  - name: db\n    secret:\n      secretName: db\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const file = c.workload.object.file;
      for (const e of envOf(c)) {
        if (getIn(e.valueFrom, ['secretKeyRef']) === undefined) continue;
        ctx.report({ at: keyRange(file, e.valueFrom, 'secretKeyRef') ?? c.range, messageId: 'env', args: [containerLabel(c), e.name ?? '?'] });
      }
      for (const item of seqItems(mapGet(c.node, 'envFrom'))) {
        if (mapGet(item, 'secretRef') === undefined) continue;
        ctx.report({ at: keyRange(file, item, 'secretRef') ?? nodeRange(file, item) ?? c.range, messageId: 'envFrom', args: [containerLabel(c)] });
      }
    },
  },
});
