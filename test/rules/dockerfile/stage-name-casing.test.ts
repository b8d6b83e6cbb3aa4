import rule from '../../../rules/src/dockerfile/stage-name-casing';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM golang:1.23 AS build\n', { code: 'FROM golang:1.23\n', name: 'unnamed' }],
  invalid: [{ code: 'FROM golang:1.23 AS Build\nFROM build\n', output: 'FROM golang:1.23 AS build\nFROM build\n', errors: [{ messageId: 'casing', line: 1, column: 21, endColumn: 26 }] }],
});
