import rule from '../../../rules/src/dockerfile/node-tls-reject-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n',
    { code: 'FROM alpine:3.20\nRUN echo NODE_TLS_REJECT_UNAUTHORIZED=0\n', name: 'argument only' },
    { code: 'FROM alpine:3.20\nENV OTHER_NODE_TLS_REJECT_UNAUTHORIZED=0\n', name: 'another variable' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 33 }] },
    { code: 'FROM alpine:3.20\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\n', name: 'ARG default', errors: [{ messageId: 'off', line: 2, column: 5 }] },
    { code: 'FROM alpine:3.20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 ./fetch.sh\n', name: 'prefix assignment', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 33 }] },
    { code: 'FROM alpine:3.20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && ./fetch.sh\n', name: 'export', errors: [{ messageId: 'off', line: 2, column: 12 }] },
  ],
});
