import rule from '../../../rules/src/dockerfile/latest-tag';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\n',
    { code: 'FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n', name: 'tag and digest' },
    { code: 'FROM alpine:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n', name: 'latest pinned by digest' },
    { code: 'FROM scratch\n', name: 'scratch' },
    { code: dedent`
        FROM golang:1.23 AS build
        FROM build
      `, name: 'earlier stage as base' },
    { code: dedent`
        ARG VERSION=3.20
        FROM alpine:\${VERSION}
      `, name: 'tag from ARG default' },
    { code: 'FROM localhost:5000/app:1.0\n', name: 'registry with port' },
    { code: 'FROM $BASE\n', name: 'unresolvable variable' },
  ],
  invalid: [
    { code: 'FROM node:latest\n', errors: [{ messageId: 'latest', line: 1, column: 10, endColumn: 17 }] },
    { code: 'FROM ubuntu\n', errors: [{ messageId: 'untagged', line: 1, column: 6, endColumn: 12, message: "Base image 'ubuntu' has no tag or digest, so 'latest' is implied." }] },
    { code: 'FROM localhost:5000/app\n', name: 'registry port is not a tag', errors: [{ messageId: 'untagged', line: 1 }] },
    { code: dedent`
        ARG BASE=debian
        FROM \${BASE} AS build
        FROM alpine:3.20
      `, name: 'untagged via ARG', errors: [{ messageId: 'untagged', line: 2, column: 6 }] },
    { code: dedent`
        FROM golang:1.23 AS build
        FROM gcr.io/distroless/static:latest
      `, name: 'final stage latest', errors: [{ messageId: 'latest', line: 2 }] },
  ],
});
