import rule from '../../../rules/src/dockerfile/apk-no-cache';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n', { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n', name: 'cache mount' }, { code: 'FROM alpine:3.20\nRUN apk del curl\n', name: 'not an add' }],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add curl\n', output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', errors: [{ messageId: 'cache', line: 2, column: 5, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nRUN apk --update add curl && rm -rf /var/cache/apk/*\n', name: 'manual cleanup', output: 'FROM alpine:3.20\nRUN apk --update add --no-cache curl && rm -rf /var/cache/apk/*\n', errors: [{ messageId: 'cache', line: 2 }] },
  ],
});
