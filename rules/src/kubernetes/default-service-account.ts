import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, stringValue } from '../model/yaml/documents';
import { isBinding, subjectsOf } from '../model/kubernetes/rbac';
import { fieldRange } from '../model/kubernetes/pod';
import { objectLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S050',
  name: 'default-service-account',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Give workloads their own service account',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['default-service-account'], checkov: ['CKV_K8S_41', 'CKV_K8S_42'], kubesec: ['ServiceAccountName'], kics: ['591ade62-d6b0-4580-b1ae-209f80ba1cd9', '1e749bc9-fde8-471c-af0c-8254efd2dee5'] },
  messages: {
    defaultSa: (workload: string) => `${workload} runs as the namespace's default service account.`,
    binding: (binding: string) => `${binding} grants its role to a default service account.`,
  },
  docs: {
    summary: 'The pod spec sets no `serviceAccountName` (or sets `default`), or a binding grants a role to a `default` service account.',
    rationale: 'The default service account is shared by every pod in the namespace that does not choose another; any RBAC granted to it for one workload is granted to all of them. A dedicated account per workload keeps permissions (and audit logs) separate. Off by default because it needs a ServiceAccount object per workload.',
    remediation: 'Create a ServiceAccount for the workload and set `serviceAccountName` to it.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('', 'serviceAccountName: web\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isBinding(o)) return;
      for (const s of subjectsOf(o)) {
        if (s.kind === 'ServiceAccount' && s.name === 'default') ctx.report({ at: nodeRange(o.file, s.nameNode) ?? o.headRange, messageId: 'binding', args: [objectLabel(o)] });
      }
    },
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'serviceAccountName') ?? mapGet(w.podSpec, 'serviceAccount');
      const name = stringValue(node);
      if ((name !== undefined && name !== '' && name !== 'default') || (node === undefined && w.partial)) return;
      ctx.report({ at: fieldRange(w, w.podSpec, 'serviceAccountName') ?? fieldRange(w, w.podSpec, 'serviceAccount') ?? w.range, messageId: 'defaultSa', args: [objectLabel(w.object)] });
    },
  },
});
