import rule from '../../../rules/src/dockerfile/multiple-cmd';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCMD ["b"]\n',
    { code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n', name: 'one per stage' },
    { code: 'FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["b"]\n', name: 'ONBUILD trigger is not this stage' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nCMD ["a"]\nRUN true\nCMD ["b"]\n', output: 'FROM alpine:3.20\nRUN true\nCMD ["b"]\n', errors: [{ messageId: 'overridden', line: 2, column: 1, endColumn: 4, message: 'This CMD has no effect: the CMD on line 4 replaces it.' }] },
    { code: 'FROM alpine:3.20 AS build\nCMD ["a"]\nCMD ["a"]\nCMD ["b"]\nFROM alpine:3.20\nCMD ["b"]\n', name: 'two overridden in a build stage', output: 'FROM alpine:3.20 AS build\nCMD ["b"]\nFROM alpine:3.20\nCMD ["b"]\n', errors: [{ messageId: 'overridden', line: 2 }, { messageId: 'overridden', line: 3 }] },
  ],
});
