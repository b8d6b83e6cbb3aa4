import rule from '../../../rules/src/kubernetes/hpa-fixed-replicas';
import { ruleTester } from '../../utils/rule-tester';

const workload = (kind: string, replicas: string, ns = ''): string => `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n${replicas}  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n`;
const hpa = (kind: string, name = 'web', ns = ''): string => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n${ns}spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${name}}\n  minReplicas: 2\n  maxReplicas: 5\n`;

ruleTester(rule, {
  valid: [
    { code: `${workload('Deployment', '')}---\n${hpa('Deployment')}`, name: 'no replicas under an HPA' },
    { code: workload('Deployment', '  replicas: 3\n'), name: 'replicas without an HPA' },
    { code: `${workload('Deployment', '  replicas: 3\n')}---\n${hpa('Deployment', 'api')}`, name: 'HPA targets another workload' },
    { code: `${workload('Deployment', '  replicas: 3\n')}---\n${hpa('StatefulSet')}`, name: 'near miss: HPA targets a StatefulSet of the same name' },
    { code: `${workload('Deployment', '  replicas: 3\n', '  namespace: a\n')}---\n${hpa('Deployment', 'web', '  namespace: b\n')}`, name: 'other namespace' },
  ],
  invalid: [
    { code: `${workload('Deployment', '  replicas: 3\n')}---\n${hpa('Deployment')}`, errors: [{ messageId: 'fixedReplicas', line: 6, column: 3, message: "Deployment 'web' sets spec.replicas but HorizontalPodAutoscaler 'h' scales it: every apply resets the replica count the autoscaler chose." }] },
    { code: `${hpa('StatefulSet')}---\n${workload('StatefulSet', '  replicas: 1\n')}`, name: 'StatefulSet after its HPA', errors: [{ messageId: 'fixedReplicas', line: 15 }] },
  ],
});
