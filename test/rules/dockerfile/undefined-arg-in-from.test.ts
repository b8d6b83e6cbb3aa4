import rule from '../../../rules/src/dockerfile/undefined-arg-in-from';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['ARG V=22\nFROM node:${V}-alpine\n', { code: 'FROM --platform=$BUILDPLATFORM golang:1.23\n', name: 'predefined platform ARG' }, { code: 'ARG BASE\nFROM $BASE\n', name: 'declared without default' }],
  invalid: [
    { code: 'FROM node:${NODE_VERSION}-alpine\n', errors: [{ messageId: 'undefined', line: 1, column: 6, endColumn: 33 }] },
    { code: 'FROM alpine:3.20\nARG V=1\nFROM node:$V\n', name: 'ARG inside a stage is not global', errors: [{ messageId: 'undefined', line: 3, message: "'V' is not declared by an ARG before the first FROM, so it expands to an empty string here." }] },
  ],
});
