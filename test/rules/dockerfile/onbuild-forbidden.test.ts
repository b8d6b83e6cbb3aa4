import rule from '../../../rules/src/dockerfile/onbuild-forbidden';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nONBUILD COPY . /app\n', { code: 'FROM alpine:3.20\nMAINTAINER x\n', name: 'MAINTAINER outside ONBUILD' }],
  invalid: [
    { code: 'FROM alpine:3.20\nONBUILD FROM debian:12\n', errors: [{ messageId: 'forbidden', line: 2, column: 9, endColumn: 13 }] },
    { code: 'FROM alpine:3.20\nONBUILD ONBUILD RUN x\n', name: 'nested ONBUILD', errors: [{ messageId: 'forbidden', line: 2, column: 9 }] },
  ],
});
