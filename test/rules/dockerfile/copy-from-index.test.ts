import rule from '../../../rules/src/dockerfile/copy-from-index';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n'],
  invalid: [{ code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /a /a\n', errors: [{ messageId: 'index', line: 3, column: 13, endColumn: 14 }] }],
});
