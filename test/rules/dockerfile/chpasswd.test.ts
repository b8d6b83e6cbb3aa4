import rule from '../../../rules/src/dockerfile/chpasswd';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN useradd -r app\n', { code: 'FROM debian:12\nRUN passwd -l root\n', name: 'locking a password' }],
  invalid: [
    { code: 'FROM debian:12\nRUN echo "root:toor" | chpasswd\n', errors: [{ messageId: 'chpasswd', line: 2, column: 24, endColumn: 32 }] },
    { code: 'FROM debian:12\nRUN passwd -d root\n', name: 'empty password', errors: [{ messageId: 'chpasswd', line: 2, column: 5 }] },
  ],
});
