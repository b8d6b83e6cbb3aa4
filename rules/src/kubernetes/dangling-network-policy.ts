import { defineRule } from '../engine/rule';
import { keyRange, mapGet } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { matchesSelector, policyFactOf, workloadFactOf, type PlainSelector, type WorkloadFact } from '../model/kubernetes/workspace-facts';
import { containerYaml, objectYaml } from '../model/kubernetes/examples';

/** True for a selector with no terms (every pod of the namespace) or one that is not a map (a schema error, not judged). */
function unjudged(s: PlainSelector): boolean {
  return s === 'all' || s === 'none' || (s.matchLabels.length === 0 && s.matchExpressions.length === 0);
}

export default defineRule({
  id: 'K8S056',
  name: 'dangling-network-policy',
  target: 'kubernetes',
  category: 'network',
  severity: 'info',
  title: 'NetworkPolicies should select existing pods',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['dangling-networkpolicy'], kics: ['85ab1c5b-014e-4352-b5f8-d7dea3bb4fd3'] },
  messages: {
    dangling: (policy: string) => `${policy} selects none of the pods defined in this file.`,
    danglingInWorkspace: (policy: string) => `${policy} selects none of the pods defined in the workspace.`,
  },
  docs: {
    summary: 'A NetworkPolicy\'s podSelector matches none of the workloads of its namespace: those of every linted file in the CLI and of every known file in the editor, else those of the same file.',
    rationale: 'A policy that selects nothing protects nothing; usually a label was renamed on one side only, and the pods it was written for are left unisolated. Only judged when workloads of the policy\'s namespace are known (a missing namespace counts as default), and off by default because the pods may be created by something the linter does not see (an operator, a Helm chart, another repository).',
    remediation: 'Fix the podSelector (or the pod labels) so the policy selects the intended pods.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      bad: [`${containerYaml()}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector:\n    matchLabels: {app: api}\n', 'name: api\n')}`],
      good: [`${containerYaml().replace('  name: p\n', '  name: p\n  labels: {app: api}\n')}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector:\n    matchLabels: {app: api}\n', 'name: api\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const local: WorkloadFact[] = [];
      for (const o of ctx.objects) {
        const w = workloadFactOf(o);
        if (w) local.push(w);
      }
      const workspace = ctx.workspace;
      for (const o of ctx.objects) {
        const p = policyFactOf(o);
        if (!p || unjudged(p.podSelector)) continue;
        const known = [...local.filter((w) => w.namespace === p.namespace), ...(workspace?.workloadsIn(p.namespace) ?? [])];
        if (known.length === 0 || known.some((w) => matchesSelector(p.podSelector, new Map(w.labels)))) continue;
        ctx.report({ at: keyRange(o.file, mapGet(o.node, 'spec'), 'podSelector') ?? o.headRange, messageId: workspace ? 'danglingInWorkspace' : 'dangling', args: [objectLabel(o)] });
      }
    },
  },
});
