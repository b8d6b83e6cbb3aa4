import rule from '../../../rules/src/kubernetes/default-namespace';
import { ruleTester } from '../../utils/rule-tester';

const obj = (kind: string, meta: string): string => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n${meta}`;

ruleTester(rule, {
  valid: [obj('ConfigMap', '  namespace: shop\n'), { code: obj('Namespace', ''), name: 'cluster-scoped kind' }, { code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n', name: 'ClusterRole' }],
  invalid: [
    { code: obj('ConfigMap', '  namespace: default\n'), name: 'explicit default', errors: [{ messageId: 'explicit', line: 5, column: 14, endColumn: 21, message: "ConfigMap 'x' is placed in the default namespace." }] },
    { code: obj('Service', ''), name: 'missing', errors: [{ messageId: 'missing', line: 4, column: 9, endColumn: 10 }] },
  ],
});
