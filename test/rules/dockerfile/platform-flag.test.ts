import rule from '../../../rules/src/dockerfile/platform-flag';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\n', { code: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS b\n', name: 'variable' }, { code: 'FROM --platform="${BUILDPLATFORM:-}" golang:1.23\n', name: 'quoted variable with default' }],
  invalid: [{ code: 'FROM --platform=linux/amd64 debian:12\n', errors: [{ messageId: 'platform', line: 1, column: 6, endColumn: 28 }] }],
});
