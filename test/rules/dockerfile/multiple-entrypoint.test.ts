import rule from '../../../rules/src/dockerfile/multiple-entrypoint';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENTRYPOINT ["b"]\n',
    { code: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n', name: 'one per stage' },
    { code: 'FROM alpine:3.20\nONBUILD ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', name: 'ONBUILD trigger is not this stage' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nRUN true\nENTRYPOINT ["b"]\n', output: 'FROM alpine:3.20\nRUN true\nENTRYPOINT ["b"]\n', errors: [{ messageId: 'overridden', line: 2, column: 1, endColumn: 11, message: 'This ENTRYPOINT has no effect: the ENTRYPOINT on line 4 replaces it.' }] },
    { code: 'FROM alpine:3.20 AS build\nENTRYPOINT ["a"]\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n', name: 'two overridden in a build stage', output: 'FROM alpine:3.20 AS build\nENTRYPOINT ["b"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\n', errors: [{ messageId: 'overridden', line: 2 }, { messageId: 'overridden', line: 3 }] },
  ],
});
