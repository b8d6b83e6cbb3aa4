import rule from '../../../rules/src/dockerfile/shell-via-run';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n', { code: 'FROM debian:12\nRUN ln -s foo bar && something_with /bin/sh\n', name: '/bin/sh only as an argument elsewhere' }],
  invalid: [{ code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ messageId: 'ln', line: 2, column: 5, endColumn: 30 }] }],
});
