import rule from '../../../rules/src/dockerfile/apk-allow-untrusted';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n', { code: 'FROM alpine:3.20\nRUN echo --allow-untrusted\n', name: 'other command' }],
  invalid: [{ code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/p.apk\n', output: 'FROM alpine:3.20\nRUN apk add /tmp/p.apk\n', errors: [{ messageId: 'flag', line: 2, column: 13, endColumn: 30 }] }],
});
