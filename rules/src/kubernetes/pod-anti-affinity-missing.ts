import { defineRule } from '../engine/rule';
import { podLabelsOf, selects } from '../model/kubernetes/selectors';
import { objectLabel, type Workload } from '../model/kubernetes/workloads';
import { getIn, keyRange, mapGet, scalarValue, seqItems, stringValue } from '../model/yaml/documents';

const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig']);

/** The pod anti-affinity terms, required and preferred (a preferred term wraps its `podAffinityTerm`). */
function antiAffinityTerms(w: Workload): unknown[] {
  const anti = getIn(w.podSpec, ['affinity', 'podAntiAffinity']);
  return [
    ...seqItems(mapGet(anti, 'requiredDuringSchedulingIgnoredDuringExecution')),
    ...seqItems(mapGet(anti, 'preferredDuringSchedulingIgnoredDuringExecution')).map((t) => mapGet(t, 'podAffinityTerm')),
  ];
}

/** A term spreads the workload's own pods when its selector selects their labels in their namespace. */
function spreadsOwnPods(term: unknown, w: Workload): boolean {
  const namespaces = seqItems(mapGet(term, 'namespaces')).map(stringValue);
  if (namespaces.length > 0 && !namespaces.includes(w.object.namespace ?? 'default')) return false;
  const selector = mapGet(term, 'labelSelector');
  return selector !== undefined && selects(selector, podLabelsOf(w));
}

const deployment = (affinity: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${affinity}      containers:\n        - name: web\n          image: nginx:1.27.2\n`;

export default defineRule({
  id: 'K8S094',
  name: 'pod-anti-affinity-missing',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'info',
  title: 'Spread replicated pods with pod anti-affinity',
  fix: 'none',
  defaultOff: true,
  anchors: {
    kubeLinter: ['no-anti-affinity'],
    kics: ['a31b7b82-d994-48c4-bd21-3bab6c31827a', 'd740d048-8ed3-49d3-b77b-6f072f3b669e'],
  },
  messages: {
    missing: (workload: string, replicas: number) => `${workload} runs ${replicas} replicas without pod anti-affinity: they can all be scheduled on one node.`,
    notOwnPods: (workload: string) => `${workload}: this pod anti-affinity term does not select the workload's own pods (labels or namespaces differ), so it does not spread the replicas.`,
  },
  docs: {
    summary: 'A Deployment, StatefulSet, ReplicaSet, ReplicationController or DeploymentConfig with 2 or more replicas has no pod anti-affinity term that selects its own pods.',
    rationale: 'Replicas exist to survive the loss of one of them; if the scheduler puts them all on one node, that node\'s failure or drain takes the whole workload down. A term whose selector or namespaces do not match the pods themselves looks like protection but spreads nothing. Off by default (reliability, not security).',
    remediation: 'Add `affinity.podAntiAffinity` (preferred or required) with a `labelSelector` that matches the pod template\'s labels and a `topologyKey` such as `kubernetes.io/hostname`, or use `topologySpreadConstraints`.',
    references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity'],
    examples: {
      bad: [deployment('')],
      good: [deployment('      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                labelSelector:\n                  matchLabels: {app: web}\n                topologyKey: kubernetes.io/hostname\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      if (!REPLICATED.has(w.object.kind)) return;
      const replicas = scalarValue(getIn(w.object.node, ['spec', 'replicas']));
      if (typeof replicas !== 'number' || replicas < 2 || mapGet(w.podSpec, 'topologySpreadConstraints') !== undefined) return;
      const terms = antiAffinityTerms(w);
      if (terms.some((t) => spreadsOwnPods(t, w))) return;
      const label = objectLabel(w.object);
      if (terms.length === 0) {
        ctx.report({ at: keyRange(w.object.file, w.podSpec, 'affinity') ?? w.range, messageId: 'missing', args: [label, replicas] });
        return;
      }
      for (const t of terms) {
        const selector = mapGet(t, 'labelSelector');
        ctx.report({ at: keyRange(w.object.file, selector, 'matchLabels') ?? keyRange(w.object.file, t, 'labelSelector') ?? keyRange(w.object.file, t, 'namespaces') ?? w.range, messageId: 'notOwnPods', args: [label] });
      }
    },
  },
});
