import { defineRule } from '../engine/rule';
import { isCoreService } from '../model/kubernetes/objects';
import { podLabelsOf } from '../model/kubernetes/selectors';
import { objectLabel, workloadOf } from '../model/kubernetes/workloads';
import { getIn, mapPairs, nodeRange, scalarValue, stringValue } from '../model/yaml/documents';

const SERVICE = (clusterIP: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: ${clusterIP}\n  selector: {app: db}\n  ports:\n    - port: 5432\n`;
const STATEFULSET = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n';

export default defineRule({
  id: 'K8S098',
  name: 'statefulset-service-headless',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'warning',
  title: "A StatefulSet's governing Service must be headless and select its pods",
  fix: 'none',
  anchors: {
    kics: ['bb241e61-77c3-4b97-9575-c0f8a1e008d0'],
  },
  messages: {
    notHeadless: (statefulSet: string, service: string, clusterIP: string) => `${statefulSet} names ${service} as its serviceName, but that Service is not headless (clusterIP: ${clusterIP}); its pods get no stable DNS names.`,
    notSelecting: (statefulSet: string, service: string) => `${statefulSet} names ${service} as its serviceName, but that Service's selector does not select the StatefulSet's pods.`,
  },
  docs: {
    summary: "A StatefulSet's `spec.serviceName` names a Service in the same file and namespace that is not headless (`clusterIP: None`) or whose selector does not select the StatefulSet's pods. Services defined in other files are not judged.",
    rationale: 'The governing Service gives each StatefulSet pod its stable DNS name (`web-0.nginx.ns.svc`); peers of clustered databases find each other through it. A Service with a cluster IP, or one that selects other pods, leaves those names unresolvable and the cluster unable to form.',
    remediation: 'Set `clusterIP: None` on the Service named by `serviceName` and make its selector match the pod template labels.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id'],
    examples: {
      bad: [`${SERVICE('10.0.0.12')}---\n${STATEFULSET}`],
      good: [`${SERVICE('None')}---\n${STATEFULSET}`, STATEFULSET],
    },
  },
  hooks: {
    onEnd(ctx) {
      for (const o of ctx.objects) {
        if (o.kind !== 'StatefulSet') continue;
        const nameNode = getIn(o.node, ['spec', 'serviceName']);
        const name = stringValue(nameNode);
        const service = name === undefined ? undefined : ctx.objects.find((s) => isCoreService(s) && s.name === name && (s.namespace ?? 'default') === (o.namespace ?? 'default'));
        const w = workloadOf(o);
        if (!service || !w) continue;
        const at = nodeRange(o.file, nameNode) ?? o.headRange;
        const clusterIP = scalarValue(getIn(service.node, ['spec', 'clusterIP']));
        if (clusterIP !== 'None') {
          ctx.report({ at, messageId: 'notHeadless', args: [objectLabel(o), objectLabel(service), clusterIP === undefined || clusterIP === null ? 'unset, so one is allocated' : String(clusterIP)] });
          continue;
        }
        const labels = podLabelsOf(w);
        const selector = mapPairs(getIn(service.node, ['spec', 'selector']));
        if (selector.length > 0 && !selector.every((p) => labels.get(stringValue(p.key) ?? '') === String(scalarValue(p.value)))) ctx.report({ at, messageId: 'notSelecting', args: [objectLabel(o), objectLabel(service)] });
      }
    },
  },
});
