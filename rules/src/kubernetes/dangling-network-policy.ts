import { defineRule } from '../engine/rule';
import { getIn, keyRange, mapGet } from '../model/yaml/documents';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { isEmptySelector, podLabelsOf, selects } from '../model/kubernetes/selectors';
import { containerYaml, objectYaml } from '../model/kubernetes/examples';

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
  },
  docs: {
    summary: 'A NetworkPolicy\'s podSelector matches none of the workloads defined in the same file and namespace.',
    rationale: 'A policy that selects nothing protects nothing; usually a label was renamed on one side only, and the pods it was written for are left unisolated. Only judged when the file defines workloads in the policy\'s namespace (a missing namespace counts as default), and off by default because the pods may live in other files.',
    remediation: 'Fix the podSelector (or the pod labels) so the policy selects the intended pods.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      bad: [`${containerYaml()}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector:\n    matchLabels: {app: api}\n', 'name: api\n')}`],
      good: [`${containerYaml().replace('  name: p\n', '  name: p\n  labels: {app: api}\n')}---\n${objectYaml('networking.k8s.io/v1', 'NetworkPolicy', 'spec:\n  podSelector:\n    matchLabels: {app: api}\n', 'name: api\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const workloads = ctx.objects.map(workloadOf).filter((w) => w !== undefined);
      for (const p of ctx.objects) {
        if (p.kind !== 'NetworkPolicy') continue;
        const selector = getIn(p.node, ['spec', 'podSelector']);
        if (selector === undefined || isEmptySelector(selector)) continue;
        const local = workloads.filter((w) => (w.object.namespace ?? 'default') === (p.namespace ?? 'default'));
        if (local.length === 0 || local.some((w) => selects(selector, podLabelsOf(w)))) continue;
        ctx.report({ at: keyRange(p.file, mapGet(p.node, 'spec'), 'podSelector') ?? p.headRange, messageId: 'dangling', args: [objectLabel(p)] });
      }
    },
  },
});
