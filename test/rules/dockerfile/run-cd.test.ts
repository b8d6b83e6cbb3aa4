import rule from '../../../rules/src/dockerfile/run-cd';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN cd /src && make\n', { code: 'FROM alpine:3.20\nWORKDIR /app\n', name: 'WORKDIR' }, { code: 'FROM alpine:3.20\nRUN (cd /x && make) && ls\n', name: 'cd in a subshell' }],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN cd /opt\n', errors: [{ messageId: 'cd', line: 2, column: 5, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nRUN make install && cd ../share\n', name: 'trailing cd', errors: [{ messageId: 'cd', line: 2, column: 21, message: "'cd ../share' is the last thing this RUN does, and the directory change is lost when the RUN ends." }] },
  ],
});
