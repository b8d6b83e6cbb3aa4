import rule from '../../../rules/src/dockerfile/reserved-stage-name';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20 AS base\n', { code: 'FROM scratch\n', name: 'FROM scratch itself' }],
  invalid: [
    { code: 'FROM foo:bar AS scratch\n', errors: [{ messageId: 'reserved', line: 1, column: 17, endColumn: 24 }] },
    { code: 'FROM foo:bar AS Context\n', name: 'case-insensitive', errors: [{ messageId: 'reserved', line: 1 }] },
  ],
});
