import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { getIn, keyRange, mapGet, stringValue } from '../model/yaml/documents';

const SCALED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

const DEPLOYMENT = (replicas: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${replicas}  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n`;
const HPA = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n';

export default defineRule({
  id: 'K8S092',
  name: 'hpa-fixed-replicas',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'warning',
  title: 'Do not set replicas on workloads an HPA scales',
  fix: 'none',
  anchors: {
    kics: ['5744cbb8-5946-4b75-a196-ade44449525b'],
  },
  messages: {
    fixedReplicas: (workload: string, hpa: string) => `${workload} sets spec.replicas but ${hpa} scales it: every apply resets the replica count the autoscaler chose.`,
  },
  docs: {
    summary: 'A Deployment, StatefulSet, ReplicaSet or ReplicationController sets `spec.replicas` while a HorizontalPodAutoscaler in the same file targets it.',
    rationale: 'The autoscaler owns the replica count. A manifest that also fixes it makes each `kubectl apply` (or GitOps sync) scale the workload back to the static number, for example from 10 pods under load down to 1, until the autoscaler reacts again.',
    remediation: 'Remove `spec.replicas` from the workload and set `minReplicas` on the HorizontalPodAutoscaler instead.',
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling'],
    examples: {
      bad: [`${DEPLOYMENT('  replicas: 3\n')}---\n${HPA}`],
      good: [`${DEPLOYMENT('')}---\n${HPA}`, DEPLOYMENT('  replicas: 3\n')],
    },
  },
  hooks: {
    onEnd(ctx) {
      const targets = new Map<string, string>();
      for (const o of ctx.objects) {
        if (o.kind !== 'HorizontalPodAutoscaler' || !o.apiVersion.startsWith('autoscaling/')) continue;
        const ref = getIn(o.node, ['spec', 'scaleTargetRef']);
        targets.set(`${o.namespace ?? ''}/${stringValue(mapGet(ref, 'kind')) ?? ''}/${stringValue(mapGet(ref, 'name')) ?? ''}`, objectLabel(o));
      }
      if (targets.size === 0) return;
      for (const o of ctx.objects) {
        const hpa = SCALED.has(o.kind) ? targets.get(`${o.namespace ?? ''}/${o.kind}/${o.name ?? ''}`) : undefined;
        const spec = mapGet(o.node, 'spec');
        if (hpa === undefined || mapGet(spec, 'replicas') === undefined) continue;
        ctx.report({ at: keyRange(o.file, spec, 'replicas') ?? o.headRange, messageId: 'fixedReplicas', args: [objectLabel(o), hpa] });
      }
    },
  },
});
