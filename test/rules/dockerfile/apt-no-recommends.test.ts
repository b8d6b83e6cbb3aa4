import rule from '../../../rules/src/dockerfile/apt-no-recommends';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
    { code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', name: 'via -o option' },
    { code: 'FROM debian:12\nRUN apt-get update\n', name: 'not an install' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y curl\n', output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n', errors: [{ messageId: 'recommends', line: 2, column: 5, endColumn: 20 }] },
    { code: 'FROM debian:12\nRUN apt-get -y install curl && apt-get install -y --no-install-recommends git\n', name: 'only the offending command', output: 'FROM debian:12\nRUN apt-get -y install --no-install-recommends curl && apt-get install -y --no-install-recommends git\n', errors: [{ messageId: 'recommends', line: 2, column: 5, endColumn: 23 }] },
  ],
});
