import rule from '../../../rules/src/kubernetes/secret-string-data';
import { ruleTester } from '../../utils/rule-tester';

const secret = (body: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${body}`;

ruleTester(rule, {
  valid: [secret('type: Opaque\n'), { code: secret('stringData: {}\n'), name: 'near miss: empty stringData' }],
  invalid: [
    { code: secret('stringData:\n  user: admin\n  password: hunter2\n'), errors: [{ messageId: 'stringData', line: 5, column: 1, endColumn: 11, message: "Secret 's' carries 2 plain-text values in stringData." }] },
  ],
});
