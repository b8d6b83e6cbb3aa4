import rule from '../../../rules/src/dockerfile/copy-from-undefined';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app\n',
    { code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', name: 'image reference' },
    { code: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /out /app\n', name: 'stage index' },
    { code: 'FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=BUILD /out /app\n', name: 'case-insensitive' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY --from=build /out /app\n', errors: [{ messageId: 'undefined', line: 2, column: 13, endColumn: 18 }] },
    { code: dedent`
        FROM scratch
        COPY --from=build foo .
        FROM node:22 AS build
      `, name: 'stage defined later', errors: [{ messageId: 'undefined', line: 2 }] },
    { code: 'FROM alpine:3.20\nCOPY --from=3 /out /app\n', name: 'index out of range', errors: [{ messageId: 'undefined', line: 2 }] },
  ],
});
