import rule from '../../../rules/src/dockerfile/from-as-casing';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM golang:1.23 AS build\n', { code: 'from golang:1.23 as build\n', name: 'both lower' }],
  invalid: [
    { code: 'FROM golang:1.23 as build\n', output: 'FROM golang:1.23 AS build\n', errors: [{ messageId: 'casing', line: 1, column: 18, endColumn: 20 }] },
    { code: 'from golang:1.23 AS build\n', name: 'lower FROM', output: 'from golang:1.23 as build\n', errors: [{ messageId: 'casing', line: 1 }] },
  ],
});
