import rule from '../../../rules/src/dockerfile/redundant-target-platform';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\n', { code: 'FROM --platform=$BUILDPLATFORM alpine:3.20\n', name: 'build platform' }],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', output: 'FROM alpine:3.20\n', errors: [{ messageId: 'redundant', line: 1, column: 6, endColumn: 32 }] },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.20 AS x\n', name: 'braced', output: 'FROM alpine:3.20 AS x\n', errors: [{ messageId: 'redundant', line: 1 }] },
  ],
});
