import rule from '../../../rules/src/dockerfile/expose-invalid-format';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp\n'],
  invalid: [
    { code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80\n', errors: [{ messageId: 'mapping', line: 2, column: 8, endColumn: 25 }], suggestions: ['FROM nginx:1.27\nEXPOSE 80\n'] },
    { code: 'FROM nginx:1.27\nEXPOSE 8080:80/udp\n', name: 'host port with protocol', errors: [{ messageId: 'mapping', line: 2 }], suggestions: ['FROM nginx:1.27\nEXPOSE 80/udp\n'] },
  ],
});
