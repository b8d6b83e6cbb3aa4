import rule from '../../../rules/src/kubernetes/kube-system-namespace';
import { ruleTester } from '../../utils/rule-tester';

const pod = (ns: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${ns}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;

ruleTester(rule, {
  valid: [pod('shop'), { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\n', name: 'near miss: not a workload' }],
  invalid: [
    { code: pod('kube-system'), errors: [{ messageId: 'system', line: 5, column: 14, endColumn: 25, message: "Pod 'p' runs in the system namespace 'kube-system'." }] },
    { code: pod('shop') + '---\n' + pod('kube-public'), name: 'multi-document', errors: [{ messageId: 'system', line: 15 }] },
  ],
});
