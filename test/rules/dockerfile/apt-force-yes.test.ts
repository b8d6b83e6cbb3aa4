import rule from '../../../rules/src/dockerfile/apt-force-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y curl\n'],
  invalid: [{ code: 'FROM debian:12\nRUN apt-get install --force-yes curl\n', output: 'FROM debian:12\nRUN apt-get install curl\n', errors: [{ messageId: 'flag', line: 2, column: 21, endColumn: 32, message: 'apt-get --force-yes also accepts unauthenticated packages and downgrades.' }] }],
});
