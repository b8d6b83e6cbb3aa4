import rule from '../../../rules/src/dockerfile/wget-progress';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN wget --progress=dot:giga https://x\n', { code: 'FROM debian:12\nRUN wget -qO- https://x\n', name: 'quiet cluster' }, { code: 'FROM debian:12\nRUN wget -o /tmp/log https://x\n', name: 'log file' }],
  invalid: [{ code: 'FROM debian:12\nRUN wget https://x\n', output: 'FROM debian:12\nRUN wget --progress=dot:giga https://x\n', errors: [{ messageId: 'progress', line: 2, column: 5, endColumn: 9 }] }],
});
