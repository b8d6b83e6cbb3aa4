import { defineRule } from '../engine/rule';
import { nameRange } from '../model/kubernetes/objects';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { podLabelsOf } from '../model/kubernetes/selectors';
import { DEFAULT_NAMESPACE, matchesSelector, policyFactOf, type PolicyFact } from '../model/kubernetes/workspace-facts';
import { containerYaml, objectYaml } from '../model/kubernetes/examples';

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
    unisolatedInWorkspace: (workload: string) => `No NetworkPolicy in the workspace selects the pods of ${workload}.`,
  },
  docs: {
    summary: 'A workload\'s pods are not selected by any NetworkPolicy of their namespace (a policy with an empty `policyTypes` list does not count). The CLI searches every file it lints and the editor every file it knows of (in a trusted workspace, the YAML files a background scan finds at startup that can hold a NetworkPolicy; open documents; files of a Lint Workspace run; files created or changed on disk since); without such an index only the current file is searched.',
    rationale: 'Without a NetworkPolicy a pod accepts traffic from every pod in the cluster and can reach every other pod: one compromised workload can probe and attack all the others. The rule stays off by default even with the workspace index: many repositories get their policies from elsewhere (a platform repository\'s default-deny per namespace, Calico or Cilium cluster-wide policies, a namespace set by a Kustomize overlay or Helm at deploy time), none of which a linter of the repository can see, so on by default it would mostly repeat one unfixable note on every workload. Enable it where the repository ships its own policies.',
    remediation: 'Add a NetworkPolicy (a default-deny policy for the namespace plus allow rules) whose podSelector matches the pods.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      bad: [containerYaml()],
      good: [`${containerYaml()}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n', 'name: default-deny\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const local: PolicyFact[] = [];
      for (const o of ctx.objects) {
        const p = policyFactOf(o);
        if (p) local.push(p);
      }
      const workspace = ctx.workspace;
      for (const o of ctx.objects) {
        const w = workloadOf(o);
        if (!w || w.partial) continue;
        const labels = podLabelsOf(w);
        const ns = o.namespace ?? DEFAULT_NAMESPACE;
        const covers = (p: PolicyFact): boolean => p.namespace === ns && p.isolates && matchesSelector(p.podSelector, labels);
        if (local.some(covers) || workspace?.policiesIn(ns).some(covers)) continue;
        ctx.report({ at: nameRange(o), messageId: workspace ? 'unisolatedInWorkspace' : 'unisolated', args: [objectLabel(o)] });
      }
    },
  },
});
