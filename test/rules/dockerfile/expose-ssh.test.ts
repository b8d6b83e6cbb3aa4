import rule from '../../../rules/src/dockerfile/expose-ssh';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 443\n', { code: 'FROM alpine:3.20\nEXPOSE 2222\n', name: 'another port' }, { code: 'FROM alpine:3.20\nEXPOSE 23-25\n', name: 'range without 22' }],
  invalid: [
    { code: 'FROM alpine:3.20\nEXPOSE 22\n', errors: [{ messageId: 'ssh', line: 2, column: 8, endColumn: 10 }], suggestions: ['FROM alpine:3.20\n'] },
    { code: 'FROM alpine:3.20\nEXPOSE 3000 80 22/tcp\n', name: 'with protocol among others', errors: [{ messageId: 'ssh', line: 2, column: 16 }], suggestions: ['FROM alpine:3.20\nEXPOSE 3000 80\n'] },
    { code: 'FROM alpine:3.20\nEXPOSE 22 80\n', name: 'first of several', errors: [{ messageId: 'ssh', line: 2, column: 8 }], suggestions: ['FROM alpine:3.20\nEXPOSE 80\n'] },
    { code: 'FROM alpine:3.20\nEXPOSE 20-25\n', name: 'inside a range: no suggestion', errors: [{ messageId: 'ssh', line: 2 }], suggestions: [] },
  ],
});
