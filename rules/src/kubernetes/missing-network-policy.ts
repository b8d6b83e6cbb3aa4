import { defineRule } from '../engine/rule';
import { getIn, seqItems } from '../model/yaml/documents';
import { nameRange } from '../model/kubernetes/objects';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { podLabelsOf, selects } from '../model/kubernetes/selectors';
import { containerYaml, objectYaml } from '../model/kubernetes/examples';

/** A policy with an explicit empty policyTypes list isolates nothing. */
function isolates(policy: unknown): boolean {
  const types = getIn(policy, ['spec', 'policyTypes']);
  return types === undefined || seqItems(types).length > 0;
}

export default defineRule({
  id: 'K8S055',
  name: 'missing-network-policy',
  target: 'kubernetes',
  category: 'network',
  severity: 'info',
  title: 'Isolate pods with a NetworkPolicy',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['non-isolated-pod'], checkov: ['CKV2_K8S_6'], trivy: ['AVD-KSV-0038'], polaris: ['missingNetworkPolicy'], kics: ['0401f71b-9c1e-4821-ab15-a955caa621be'] },
  messages: {
    unisolated: (workload: string) => `No NetworkPolicy in this file selects the pods of ${workload}.`,
  },
  docs: {
    summary: 'A workload\'s pods are not selected by any NetworkPolicy of the same file and namespace (a policy with an empty `policyTypes` list does not count).',
    rationale: 'Without a NetworkPolicy a pod accepts traffic from every pod in the cluster and can reach every other pod: one compromised workload can probe and attack all the others. Only the current file is searched (a per-document linter cannot see the rest of the repository), so this rule is off by default; enable it where each file ships its own policies.',
    remediation: 'Add a NetworkPolicy (a default-deny policy for the namespace plus allow rules) whose podSelector matches the pods.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      bad: [containerYaml()],
      good: [`${containerYaml()}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n', 'name: default-deny\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const policies = ctx.objects.filter((o) => o.kind === 'NetworkPolicy');
      for (const o of ctx.objects) {
        const w = workloadOf(o);
        if (!w || w.partial) continue;
        const labels = podLabelsOf(w);
        const covered = policies.some((p) => (p.namespace ?? 'default') === (o.namespace ?? 'default') && isolates(p.node) && selects(getIn(p.node, ['spec', 'podSelector']), labels));
        if (!covered) ctx.report({ at: nameRange(o), messageId: 'unisolated', args: [objectLabel(o)] });
      }
    },
  },
});
