import rule from '../../../rules/src/dockerfile/copy-multi-src-slash';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nCOPY a b /app/\n', { code: 'FROM alpine:3.20\nCOPY a /app\n', name: 'single source' }, { code: 'FROM alpine:3.20\nCOPY a b "/app/"\n', name: 'quoted with slash' }],
  invalid: [
    { code: 'FROM alpine:3.20\nCOPY a b /app\n', output: 'FROM alpine:3.20\nCOPY a b /app/\n', errors: [{ messageId: 'slash', line: 2, column: 10, endColumn: 14 }] },
    { code: 'FROM alpine:3.20\nCOPY a b "baz"\n', name: 'quoted destination', output: 'FROM alpine:3.20\nCOPY a b "baz/"\n', errors: [{ messageId: 'slash', line: 2 }] },
    { code: 'FROM alpine:3.20\nADD ["a", "b", "/app"]\n', name: 'JSON form: no fix', errors: [{ messageId: 'slash', line: 2, message: "ADD has several sources, so the destination '/app' must end with '/'." }] },
  ],
});
