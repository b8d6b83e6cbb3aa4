import rule from '../../../rules/src/dockerfile/apt-allow-unauthenticated';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y curl\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n', output: 'FROM debian:12\nRUN apt-get install -y curl\n', errors: [{ messageId: 'flag', line: 2, column: 24, endColumn: 47 }] },
    { code: 'FROM debian:12\nRUN apt-get update --allow-insecure-repositories\n', name: 'insecure repositories', output: 'FROM debian:12\nRUN apt-get update\n', errors: [{ messageId: 'flag', line: 2 }] },
  ],
});
