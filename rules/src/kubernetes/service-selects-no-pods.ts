import { defineRule } from '../engine/rule';
import { isCoreService } from '../model/kubernetes/objects';
import { podLabelsOf } from '../model/kubernetes/selectors';
import { objectLabel, workloadOf, type Workload } from '../model/kubernetes/workloads';
import { keyRange, mapGet, mapPairs, nodeRange, scalarValue, seqItems, stringValue } from '../model/yaml/documents';

const SERVICE = (app: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: ${app}\n  ports:\n    - port: 80\n      targetPort: http\n`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.2\n      ports:\n        - name: http\n          containerPort: 8080\n';

/** Names of the container ports the workload declares. */
function portNames(w: Workload): Set<string> {
  return new Set(w.containers.flatMap((c) => seqItems(mapGet(c.node, 'ports')).map((p) => stringValue(mapGet(p, 'name')) ?? '')));
}

export default defineRule({
  id: 'K8S096',
  name: 'service-selects-no-pods',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'warning',
  title: 'Services should select the pods defined with them',
  fix: 'none',
  anchors: {
    kics: ['3ca03a61-3249-4c16-8427-6f8e47dda729'],
  },
  messages: {
    noPods: (service: string, selector: string) => `${service} selects ${selector}, which no workload in this file carries.`,
    unknownPortName: (service: string, name: string) => `${service} targets port '${name}', which no container of the selected pods names.`,
  },
  docs: {
    summary: "A Service's selector matches none of the workloads in the same file and namespace, or a named `targetPort` is not the name of a port of the selected pods' containers. Files without workloads are not judged (the pods may be defined elsewhere).",
    rationale: 'A Service that selects nothing has no endpoints: clients connect and hang or get refused, usually after a label was renamed on one side only. A named target port that no container declares leaves the endpoints without a port, with the same effect. (A numeric `targetPort` works whether or not the container declares it, so it is not judged.)',
    remediation: "Make the Service's selector match the pod template's labels, and name the target port exactly as the container port is named.",
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    examples: {
      bad: [`${SERVICE('wbe')}---\n${POD}`, `${SERVICE('web').replace('targetPort: http', 'targetPort: https')}---\n${POD}`],
      good: [`${SERVICE('web')}---\n${POD}`, SERVICE('elsewhere')],
    },
  },
  hooks: {
    onEnd(ctx) {
      // Each workload's namespace and pod labels once (not again for every Service and label).
      const pods: { w: Workload; ns: string; labels: ReadonlyMap<string, string> }[] = [];
      for (const o of ctx.objects) {
        const w = workloadOf(o);
        if (w) pods.push({ w, ns: o.namespace ?? 'default', labels: podLabelsOf(w) });
      }
      if (pods.length === 0) return;
      for (const o of ctx.objects) {
        const selector = isCoreService(o) ? mapGet(mapGet(o.node, 'spec'), 'selector') : undefined;
        const wanted = mapPairs(selector).map((p) => [stringValue(p.key) ?? '', String(scalarValue(p.value))] as const);
        if (wanted.length === 0) continue;
        const ns = o.namespace ?? 'default';
        const selected = pods.filter((p) => p.ns === ns && wanted.every(([k, v]) => p.labels.get(k) === v)).map((p) => p.w);
        if (selected.length === 0) {
          ctx.report({ at: keyRange(o.file, mapGet(o.node, 'spec'), 'selector') ?? o.headRange, messageId: 'noPods', args: [objectLabel(o), wanted.map(([k, v]) => `${k}=${v}`).join(', ')] });
          continue;
        }
        const names = new Set(selected.flatMap((w) => [...portNames(w)]));
        for (const port of seqItems(mapGet(mapGet(o.node, 'spec'), 'ports'))) {
          const target = mapGet(port, 'targetPort');
          const name = scalarValue(target);
          if (typeof name !== 'string' || /^\d+$/.test(name) || name.includes('{{') || names.has(name)) continue;
          ctx.report({ at: nodeRange(o.file, target) ?? o.headRange, messageId: 'unknownPortName', args: [objectLabel(o), name] });
        }
      }
    },
  },
});
