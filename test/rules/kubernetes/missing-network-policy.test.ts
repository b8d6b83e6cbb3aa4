import rule from '../../../rules/src/kubernetes/missing-network-policy';
import { ruleTester } from '../../utils/rule-tester';

const pod = (meta: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${meta}spec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
const np = (spec: string, ns = ''): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: n\n${ns}spec:\n${spec}`;

ruleTester(rule, {
  valid: [
    { code: `${pod('')}---\n${np('  podSelector: {}\n')}`, name: 'default deny for the namespace' },
    { code: `${pod('  labels: {app: web}\n')}---\n${np('  podSelector:\n    matchExpressions: [{key: app, operator: In, values: [web, api]}]\n')}`, name: 'matchExpressions' },
    { code: np('  podSelector: {}\n'), name: 'no workloads' },
  ],
  invalid: [
    { code: pod(''), name: 'no policy', errors: [{ messageId: 'unisolated', line: 4, column: 9, endColumn: 10, message: "No NetworkPolicy in this file selects the pods of Pod 'p'." }] },
    { code: `${pod('  labels: {app: web}\n')}---\n${np('  podSelector: {matchLabels: {app: api}}\n')}---\n${np('  podSelector: {}\n', '  namespace: other\n')}---\n${np('  podSelector: {}\n  policyTypes: []\n')}`, name: 'near misses: other labels, other namespace, empty policyTypes', errors: [{ messageId: 'unisolated', line: 4 }] },
  ],
});
