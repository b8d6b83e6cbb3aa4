import rule from '../../../rules/src/dockerfile/expose-proto-casing';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 8080\n'],
  invalid: [{ code: 'FROM nginx:1.27\nEXPOSE 80/TCP\n', output: 'FROM nginx:1.27\nEXPOSE 80/tcp\n', errors: [{ messageId: 'casing', line: 2, column: 8, endColumn: 14 }] }],
});
