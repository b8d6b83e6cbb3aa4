import rule from '../../../rules/src/dockerfile/no-inline-ignore';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\n# a comment\nRUN true\n', { code: '# hadolint shell=powershell\nFROM alpine:3.20\n', name: 'other pragma' }],
  invalid: [
    { code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n', errors: [{ messageId: 'pragma', line: 2 }] },
    { code: '# hadolint ignore=DL3003\nRUN foo bar\n', name: 'first line (parsed as a directive)', errors: [{ messageId: 'pragma', line: 1, column: 1 }] },
  ],
});
