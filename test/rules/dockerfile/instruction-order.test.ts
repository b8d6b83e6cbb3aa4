import rule from '../../../rules/src/dockerfile/instruction-order';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['ARG V=3.20\nFROM alpine:${V}\nLABEL a=b\n', { code: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\n', name: 'directive first' }],
  invalid: [{ code: 'LABEL foo=bar\nFROM alpine:3.20\n', errors: [{ messageId: 'order', line: 1, column: 1, endColumn: 6 }] }],
});
