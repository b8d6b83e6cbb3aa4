import rule from '../../../rules/src/kubernetes/dangling-network-policy';
import { ruleTester } from '../../utils/rule-tester';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';
const np = (sel: string, ns = ''): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: n\n${ns}spec:\n  podSelector:\n${sel}`;

ruleTester(rule, {
  valid: [
    { code: `${pod}---\n${np('    matchLabels: {app: web}\n')}`, name: 'selects the pod' },
    { code: np('    matchLabels: {app: api}\n'), name: 'no workloads in the file: cannot judge' },
    { code: `${pod}---\n${np('    matchLabels: {app: api}\n', '  namespace: other\n')}`, name: 'near miss: workloads only in another namespace' },
    { code: `${pod}---\n${np('    matchExpressions: [{key: tier, operator: DoesNotExist}]\n')}`, name: 'DoesNotExist matches' },
  ],
  invalid: [
    { code: `${pod}---\n${np('    matchLabels: {app: api}\n', '  namespace: default\n')}`, name: 'selects nothing (missing namespace = default)', errors: [{ messageId: 'dangling', line: 17, column: 3, endColumn: 14, message: "NetworkPolicy 'n' selects none of the pods defined in this file." }] },
  ],
});
