import rule from '../../../rules/src/dockerfile/port-range';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 65535\n', { code: 'FROM alpine:3.20\nEXPOSE 40000-${TOP}\n', name: 'variable bound' }],
  invalid: [
    { code: 'FROM alpine:3.20\nEXPOSE 80000\n', errors: [{ messageId: 'range', line: 2, column: 8, endColumn: 13 }] },
    { code: 'FROM alpine:3.20\nEXPOSE 80 40000-80000/tcp\n', name: 'range bound', errors: [{ messageId: 'range', line: 2, column: 11, message: "Port '40000-80000/tcp' is outside 0-65535." }] },
  ],
});
