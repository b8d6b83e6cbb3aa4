import rule from '../../../rules/src/dockerfile/instruction-casing';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nRUN true\n', { code: 'from alpine:3.20\nrun true\n', name: 'all lower' }],
  invalid: [
    { code: 'FROM alpine:3.20\nrun echo hi\nCOPY a /a\n', output: 'FROM alpine:3.20\nRUN echo hi\nCOPY a /a\n', errors: [{ messageId: 'casing', line: 2, column: 1, endColumn: 4 }] },
    { code: 'from alpine:3.20\nrun true\nCopy a /a\n', name: 'mixed-case keyword in a lower-case file', output: 'from alpine:3.20\nrun true\ncopy a /a\n', errors: [{ messageId: 'casing', line: 3, message: "'Copy' should be written 'copy' like the other instructions." }] },
  ],
});
