import rule from '../../../rules/src/kubernetes/pod-anti-affinity-missing';
import { ruleTester } from '../../utils/rule-tester';

/** A workload with `replicas`, pod labels {app: web} and `affinity` (pod-spec level, column 6); the pod `spec:` key is on line 12. */
const workload = (kind: string, replicas: string, affinity: string, ns = ''): string => `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n${replicas}  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${affinity}      containers:\n        - name: web\n          image: nginx:1.27.2\n`;
const anti = (selector: string, extra = ''): string => `      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            - labelSelector:\n                ${selector}\n              topologyKey: kubernetes.io/hostname\n${extra}`;

ruleTester(rule, {
  valid: [
    { code: workload('Deployment', '  replicas: 3\n', anti('matchLabels: {app: web}')), name: 'required term selects own pods' },
    { code: workload('StatefulSet', '  replicas: 3\n', anti('matchExpressions: [{key: app, operator: In, values: [web]}]')), name: 'matchExpressions' },
    { code: workload('Deployment', '  replicas: 3\n', '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 50\n              podAffinityTerm:\n                labelSelector: {matchLabels: {app: web}}\n                topologyKey: kubernetes.io/hostname\n'), name: 'preferred term' },
    { code: workload('Deployment', '  replicas: 3\n', anti('matchLabels: {app: web}', '              namespaces: [prod]\n'), '  namespace: prod\n'), name: 'namespaces include the own namespace' },
    { code: workload('Deployment', '  replicas: 3\n', '      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: {matchLabels: {app: web}}\n'), name: 'topology spread constraints instead' },
    { code: workload('Deployment', '  replicas: 1\n', ''), name: 'one replica' },
    { code: workload('Deployment', '', ''), name: 'near miss: replicas unset (an HPA may own it)' },
    { code: workload('DaemonSet', '  replicas: 3\n', ''), name: 'DaemonSet: one pod per node anyway' },
  ],
  invalid: [
    { code: workload('Deployment', '  replicas: 3\n', ''), errors: [{ messageId: 'missing', line: 12, column: 5, message: "Deployment 'web' runs 3 replicas without pod anti-affinity: they can all be scheduled on one node." }] },
    { code: workload('StatefulSet', '  replicas: 2\n', '      affinity:\n        podAffinity: {}\n'), name: 'affinity without podAntiAffinity', errors: [{ messageId: 'missing', line: 13, column: 7 }] },
    { code: workload('Deployment', '  replicas: 3\n', anti('matchLabels: {app: store}')), name: 'term selects other pods', errors: [{ messageId: 'notOwnPods', line: 17, column: 17 }] },
    { code: workload('Deployment', '  replicas: 3\n', anti('matchLabels: {app: web}', '              namespaces: [bar]\n'), '  namespace: foo\n'), name: 'term in another namespace', errors: [{ messageId: 'notOwnPods', line: 18 }] },
  ],
});
