import rule from '../../../rules/src/dockerfile/useradd-no-l';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN useradd -u 12345 app\n', { code: 'FROM debian:12\nRUN useradd -l -u 123456 app\n', name: 'with -l' }, { code: 'FROM debian:12\nRUN useradd app\n', name: 'no uid' }],
  invalid: [{ code: 'FROM debian:12\nRUN useradd -u 123456 app\n', output: 'FROM debian:12\nRUN useradd -l -u 123456 app\n', errors: [{ messageId: 'lastlog', line: 2, column: 5, endColumn: 12 }] }],
});
