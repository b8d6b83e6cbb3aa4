import rule from '../../../rules/src/dockerfile/git-ssl-no-verify';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV GIT_SSL_CAINFO=/etc/ca.pem\n',
    { code: 'FROM alpine:3.20\nRUN echo GIT_SSL_NO_VERIFY=1\n', name: 'argument only' },
    { code: 'FROM alpine:3.20\nENV OTHER_GIT_SSL_NO_VERIFY=1\n', name: 'another variable' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=1\n', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 22 }] },
    { code: 'FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY=1\n', name: 'ARG default', errors: [{ messageId: 'off', line: 2, column: 5 }] },
    { code: 'FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=1 ./fetch.sh\n', name: 'prefix assignment', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 22 }] },
    { code: 'FROM alpine:3.20\nRUN export GIT_SSL_NO_VERIFY=1 && ./fetch.sh\n', name: 'export', errors: [{ messageId: 'off', line: 2, column: 12 }] },
    { code: 'FROM alpine:3.20\nRUN git -c http.sslVerify=false clone https://x/r.git\n', name: 'git -c', errors: [{ messageId: 'off', line: 2, column: 12, endColumn: 32 }] },
    { code: 'FROM alpine:3.20\nRUN git config --global http.sslverify false\n', name: 'git config', errors: [{ messageId: 'off', line: 2, column: 25 }] },
  ],
});
