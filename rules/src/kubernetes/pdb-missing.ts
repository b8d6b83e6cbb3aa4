import { defineRule } from '../engine/rule';
import { labelsOf, podLabelsOf, selects } from '../model/kubernetes/selectors';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { getIn, keyRange, mapGet, scalarValue } from '../model/yaml/documents';

const KINDS = new Set(['Deployment', 'StatefulSet']);

const PDB = (app: string): string => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: ${app}}\n`;
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n';

export default defineRule({
  id: 'K8S095',
  name: 'pdb-missing',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'info',
  title: 'Cover replicated workloads with a PodDisruptionBudget',
  fix: 'none',
  defaultOff: true,
  anchors: {
    kics: ['b23e9b98-0cb6-4fc9-b257-1f3270442678', '1db3a5a5-bf75-44e5-9e44-c56cfc8b1ac5'],
  },
  messages: {
    noPdb: (workload: string, replicas: number) => `${workload} runs ${replicas} replicas but no PodDisruptionBudget in this file selects its pods: a node drain may evict them all at once.`,
  },
  docs: {
    summary: 'A Deployment or StatefulSet with 2 or more replicas has no PodDisruptionBudget in the same file (and namespace) whose selector selects its pods.',
    rationale: 'Voluntary disruptions (node drains during upgrades, autoscaler scale-downs) evict pods without regard for the application unless a PodDisruptionBudget limits how many may be down at once; without one, a drain can take every replica away together. The pods are matched by the labels every pod of the workload is guaranteed to have: its `spec.selector.matchLabels` (else its template labels). Off by default: budgets often live in another file.',
    remediation: 'Add a PodDisruptionBudget (policy/v1) with `minAvailable` or `maxUnavailable` and a selector matching the workload\'s pods.',
    references: ['https://kubernetes.io/docs/concepts/workloads/pods/disruptions/', 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
    examples: {
      bad: [`${PDB('other')}---\n${DEPLOYMENT}`],
      good: [`${PDB('web')}---\n${DEPLOYMENT}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      const budgets = ctx.objects.filter((o) => o.kind === 'PodDisruptionBudget' && o.apiVersion.startsWith('policy/'));
      for (const o of ctx.objects) {
        const replicas = KINDS.has(o.kind) ? scalarValue(getIn(o.node, ['spec', 'replicas'])) : undefined;
        if (typeof replicas !== 'number' || replicas < 2) continue;
        const w = workloadOf(o);
        if (!w || w.partial) continue;
        const selector = getIn(o.node, ['spec', 'selector']);
        const guaranteed = labelsOf(mapGet(selector, 'matchLabels'));
        const labels = guaranteed.size > 0 ? guaranteed : podLabelsOf(w);
        const covered = budgets.some((b) => (b.namespace ?? 'default') === (o.namespace ?? 'default') && mapGet(mapGet(b.node, 'spec'), 'selector') !== undefined && selects(getIn(b.node, ['spec', 'selector']), labels));
        if (!covered) ctx.report({ at: keyRange(o.file, selector, 'matchLabels') ?? keyRange(o.file, mapGet(o.node, 'spec'), 'selector') ?? o.headRange, messageId: 'noPdb', args: [objectLabel(o), replicas] });
      }
    },
  },
});
