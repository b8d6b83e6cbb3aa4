import rule from '../../../rules/src/dockerfile/legacy-key-value';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nENV APP_HOME=/app\n', { code: 'FROM alpine:3.20\nLABEL a=b c="d e"\n', name: 'label pairs' }],
  invalid: [
    { code: 'FROM alpine:3.20\nENV APP_HOME /app\n', output: 'FROM alpine:3.20\nENV APP_HOME=/app\n', errors: [{ messageId: 'legacy', line: 2, column: 5, endColumn: 13 }] },
    { code: 'FROM alpine:3.20\nENV GREETING hello world\n', name: 'value with spaces', output: 'FROM alpine:3.20\nENV GREETING="hello world"\n', errors: [{ messageId: 'legacy', line: 2 }] },
    { code: 'FROM alpine:3.20\nENV P $HOME/bin\n', name: 'variable: no fix', errors: [{ messageId: 'legacy', line: 2 }] },
  ],
});
