import rule from '../../../rules/src/dockerfile/system-dir-target';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nVOLUME /data\nWORKDIR /app\n', { code: 'FROM alpine:3.20\nWORKDIR /devtools\n', name: 'prefix only' }],
  invalid: [
    { code: 'FROM alpine:3.20\nVOLUME /proc\n', errors: [{ messageId: 'system', line: 2, column: 8, endColumn: 13 }] },
    { code: 'FROM alpine:3.20\nVOLUME ["/data", "/sys/fs"]\n', name: 'JSON form', errors: [{ messageId: 'system', line: 2, column: 18 }] },
    { code: 'FROM alpine:3.20\nWORKDIR /dev/app\n', name: 'WORKDIR below /dev', errors: [{ messageId: 'system', line: 2 }] },
  ],
});
