import rule from '../../../rules/src/dockerfile/user-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nUSER 1000\n',
    { code: 'FROM alpine:3.20\nUSER root\n', name: 'root USER is last-user-root, not this rule' },
    { code: dedent`
        FROM node:22 AS base
        USER node
        FROM base
        CMD ["node"]
      `, name: 'USER inherited from the parent stage' },
    { code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n', name: 'distroless nonroot' },
    { code: 'FROM $BASE\nCMD ["x"]\n', name: 'unresolved base' },
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nCOPY . /app\nCMD ["node", "/app/index.js"]\n',
      errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 5 }],
      suggestions: ['FROM node:22-alpine\nCOPY . /app\nUSER 10001\nCMD ["node", "/app/index.js"]\n'],
    },
    {
      code: dedent`
        FROM golang:1.23 AS build
        USER 1000
        FROM alpine:3.20
        COPY --from=build /out /app
      `,
      name: 'USER only in a build stage does not count',
      errors: [{ messageId: 'missing', line: 3 }],
      suggestions: ['FROM golang:1.23 AS build\nUSER 1000\nFROM alpine:3.20\nCOPY --from=build /out /app\nUSER 10001\n'],
    },
    { code: 'FROM alpine:3.20\nONBUILD USER 1000\n', name: 'ONBUILD USER does not count', errors: [{ messageId: 'missing', line: 1 }] },
    { code: 'FROM scratch\nCOPY app /app\n', name: 'scratch still runs as uid 0', errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
