import rule from '../../../rules/src/kubernetes/pdb-missing';
import { ruleTester } from '../../utils/rule-tester';

const pdb = (selector: string, ns = ''): string => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: b\n${ns}spec:\n  maxUnavailable: 1\n  selector:\n    ${selector}\n`;
/** A workload whose `matchLabels` key is on line 8 (without a namespace line). */
const workload = (kind: string, replicas: number, ns = ''): string => `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\n${ns}spec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: web, tier: front}\n  template:\n    metadata:\n      labels: {app: web, tier: front, version: v1}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n`;

ruleTester(rule, {
  valid: [
    { code: `${pdb('matchLabels: {app: web}')}---\n${workload('Deployment', 3)}`, name: 'budget selects the pods' },
    { code: `${workload('StatefulSet', 3)}---\n${pdb('matchExpressions: [{key: tier, operator: In, values: [front]}]')}`, name: 'matchExpressions, budget after the workload' },
    { code: workload('Deployment', 1), name: 'one replica' },
    { code: `${pdb('matchLabels: {app: web}')}---\n${workload('DaemonSet', 3)}`, name: 'near miss: DaemonSet' },
  ],
  invalid: [
    { code: workload('Deployment', 3), name: 'no budget in the file', errors: [{ messageId: 'noPdb', line: 8, column: 5, message: "Deployment 'web' runs 3 replicas but no PodDisruptionBudget in this file selects its pods: a node drain may evict them all at once." }] },
    { code: `${pdb('matchLabels: {app: web, version: v2}')}---\n${workload('StatefulSet', 2)}`, name: 'budget needs a label the selector does not guarantee', errors: [{ messageId: 'noPdb', line: 17 }] },
    { code: `${pdb('matchLabels: {app: web}', '  namespace: other\n')}---\n${workload('Deployment', 3)}`, name: 'budget in another namespace', errors: [{ messageId: 'noPdb', line: 18 }] },
  ],
});
