import rule from '../../../rules/src/dockerfile/python-https-verify-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV PYTHONHTTPSVERIFY=1\n',
    { code: 'FROM alpine:3.20\nRUN echo PYTHONHTTPSVERIFY=0\n', name: 'argument only' },
    { code: 'FROM alpine:3.20\nENV OTHER_PYTHONHTTPSVERIFY=0\n', name: 'another variable' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV PYTHONHTTPSVERIFY=0\n', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 22 }] },
    { code: 'FROM alpine:3.20\nARG PYTHONHTTPSVERIFY=0\n', name: 'ARG default', errors: [{ messageId: 'off', line: 2, column: 5 }] },
    { code: 'FROM alpine:3.20\nRUN PYTHONHTTPSVERIFY=0 ./fetch.sh\n', name: 'prefix assignment', errors: [{ messageId: 'off', line: 2, column: 5, endColumn: 22 }] },
    { code: 'FROM alpine:3.20\nRUN export PYTHONHTTPSVERIFY=0 && ./fetch.sh\n', name: 'export', errors: [{ messageId: 'off', line: 2, column: 12 }] },
  ],
});
