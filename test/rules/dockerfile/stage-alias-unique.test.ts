import rule from '../../../rules/src/dockerfile/stage-alias-unique';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22 AS web\nFROM golang:1.23 AS api\n', { code: 'FROM node:22\nFROM node:22\n', name: 'unnamed stages' }],
  invalid: [
    { code: 'FROM node:22 AS build\nRUN x\nFROM golang:1.23 AS build\n', errors: [{ messageId: 'duplicate', line: 3, column: 21, endColumn: 26, message: "Stage name 'build' is already used on line 1." }] },
    { code: 'FROM node:22 AS Build\nFROM golang:1.23 as BUILD\n', name: 'case-insensitive', errors: [{ messageId: 'duplicate', line: 2 }] },
  ],
});
