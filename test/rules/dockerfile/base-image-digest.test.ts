import rule from '../../../rules/src/dockerfile/base-image-digest';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n',
    { code: 'FROM alpine:latest\n', name: 'latest is latest-tag\'s business' },
    { code: 'FROM golang:1.23@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5 AS b\nFROM b\n', name: 'stage reference' },
  ],
  invalid: [{ code: 'FROM alpine:3.20\n', errors: [{ messageId: 'digest', line: 1, column: 6, endColumn: 17 }] }],
});
