import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue, stringValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { objectLabel, type KubeObject, type Workload } from '../model/kubernetes/workloads';
import { setPodField } from '../model/kubernetes/fixes';
import { containerYaml } from '../model/kubernetes/examples';
import { accountDisablesTokenMount } from '../model/kubernetes/service-accounts';

/** True when the pod's ServiceAccount is defined in the same file with automountServiceAccountToken: false (an index per file, not a scan per pod). */
function accountDisablesMount(w: Workload, objects: readonly KubeObject[]): boolean {
  const name = stringValue(mapGet(w.podSpec, 'serviceAccountName')) ?? stringValue(mapGet(w.podSpec, 'serviceAccount')) ?? 'default';
  return accountDisablesTokenMount(objects, name, w.object.namespace);
}

export default defineRule({
  id: 'K8S049',
  name: 'automount-sa-token',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Do not mount the service account token unless needed',
  fix: 'suggestion',
  anchors: {
    checkov: ['CKV_K8S_38'],
    trivy: ['AVD-KSV-0036'],
    polaris: ['automountServiceAccountToken'],
    kubesec: ['AutomountServiceAccountToken'],
    kics: ['48471392-d4d0-47c0-b135-cdec95eb3eef'],
  },
  messages: {
    pod: (workload: string) => `${workload} mounts its service account token (automountServiceAccountToken is not false).`,
    serviceAccount: (sa: string) => `${sa} does not set automountServiceAccountToken: false.`,
  },
  docs: {
    summary: 'A pod spec (or a ServiceAccount) does not set `automountServiceAccountToken: false`.',
    rationale: 'By default every pod gets an API token for its service account at /var/run/secrets/kubernetes.io/serviceaccount. Most applications never call the Kubernetes API, but an attacker who gets code execution can use the token with whatever RBAC the account has. A pod-level value wins over the ServiceAccount\'s setting; a pod that leaves it unset is accepted when its ServiceAccount is defined in the same file with `automountServiceAccountToken: false`.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount), and mount a projected token only in pods that call the API.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('', 'automountServiceAccountToken: false\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'ServiceAccount' || o.apiVersion !== 'v1') return;
      const node = mapGet(o.node, 'automountServiceAccountToken');
      if (scalarValue(node) === false) return;
      ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'serviceAccount', args: [objectLabel(o)] });
    },
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'automountServiceAccountToken');
      if (scalarValue(node) === false || (node === undefined && w.partial)) return;
      if (node === undefined && accountDisablesMount(w, ctx.objects)) return;
      const file = w.object.file;
      ctx.report({ at: nodeRange(file, node) ?? w.range, messageId: 'pod', args: [objectLabel(w.object)], fixes: lazySuggestion('Set automountServiceAccountToken: false', () => node === undefined ? setPodField(w, ['automountServiceAccountToken'], false) : replaceNode(file, node, 'false')) });
    },
  },
});
