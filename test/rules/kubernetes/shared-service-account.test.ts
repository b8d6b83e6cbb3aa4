import rule from '../../../rules/src/kubernetes/shared-service-account';
import { ruleTester } from '../../utils/rule-tester';

const pod = (name: string, sa: string, ns = ''): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${ns}spec:\n  serviceAccountName: ${sa}\n  containers:\n    - name: app\n      image: nginx:1.27\n`;

ruleTester(rule, {
  valid: [
    { code: `${pod('a', 'one')}---\n${pod('b', 'two')}`, name: 'separate accounts' },
    { code: `${pod('a', 'default')}---\n${pod('b', 'default')}`, name: 'default account is another rule' },
    { code: `${pod('a', 'one')}---\n${pod('b', 'one', '  namespace: other\n')}`, name: 'near miss: same name, other namespace' },
  ],
  invalid: [
    { code: `${pod('a', 'one')}---\n${pod('b', 'one', '  namespace: default\n')}`, name: 'shared (missing namespace = default)', errors: [{ messageId: 'shared', line: 6, column: 23, endColumn: 26, message: "Pod 'a' shares service account 'one' with Pod 'b'." }, { messageId: 'shared', line: 17, message: "Pod 'b' shares service account 'one' with Pod 'a'." }] },
  ],
});
