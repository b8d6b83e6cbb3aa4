import rule from '../../../rules/src/dockerfile/last-user-root';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nUSER app\n',
    { code: 'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\n', name: 'switches back to non-root' },
    { code: dedent`
        FROM golang:1.23 AS build
        USER root
        FROM gcr.io/distroless/static:nonroot
        USER 65532
      `, name: 'root only in a build stage' },
    { code: 'FROM alpine:3.20\n', name: 'no USER at all is user-missing, not this rule' },
    { code: 'FROM alpine:3.20\nUSER $APP_USER\n', name: 'unresolved variable' },
    { code: 'FROM alpine:3.20\nUSER 1000\nONBUILD USER root\n', name: 'ONBUILD USER does not apply to this image' },
    { code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nUSER nobody\n', name: 'inherited root overridden' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nUSER root\n', errors: [{ messageId: 'root', line: 2, column: 6, endColumn: 10 }] },
    { code: 'FROM alpine:3.20\nUSER 0:0\n', name: 'uid 0 with group', errors: [{ messageId: 'root', line: 2, column: 6, endColumn: 9 }] },
    { code: 'FROM alpine:3.20\nUSER root:root\n', errors: [{ messageId: 'root', line: 2 }] },
    { code: dedent`
        FROM debian:12 AS base
        USER root
        RUN id
        FROM base
        RUN echo inherited
      `, name: 'root inherited through FROM <stage>', errors: [{ messageId: 'root', line: 2, column: 6 }] },
    { code: dedent`
        FROM alpine:3.20 AS build
        USER 1000
        FROM alpine:3.20
        USER 1000
        USER root
      `, name: 'last USER wins', errors: [{ messageId: 'root', line: 5 }] },
  ],
});
