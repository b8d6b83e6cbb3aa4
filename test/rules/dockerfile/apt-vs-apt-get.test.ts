import rule from '../../../rules/src/dockerfile/apt-vs-apt-get';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM ubuntu:24.04\nRUN apt-get update\n', { code: 'FROM ubuntu:24.04\nRUN apt-cache policy curl\n', name: 'apt-cache' }],
  invalid: [
    { code: 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl\n', output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n', errors: [{ messageId: 'apt', line: 2, column: 5, endColumn: 8 }, { messageId: 'apt', line: 2, column: 19 }] },
    { code: 'FROM ubuntu:24.04\nRUN apt list --installed\n', name: 'no apt-get equivalent: no fix', errors: [{ messageId: 'apt', line: 2 }] },
  ],
});
