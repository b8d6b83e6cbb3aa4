import rule from '../../../rules/src/dockerfile/apk-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1 "git>=2.45"\n', { code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc~13\n', name: '--virtual value is not a package' }],
  invalid: [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', errors: [{ messageId: 'unpinned', line: 2, column: 24, endColumn: 28 }] }],
});
