import rule from '../../../rules/src/dockerfile/copy-entire-stage-fs';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b /app /\n', { code: 'FROM scratch\nCOPY / /\n', name: 'no --from' }, { code: 'FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b / /app\n', name: 'into a subdirectory' }],
  invalid: [
    { code: 'FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b / /\n', errors: [{ messageId: 'root', line: 3, column: 15, endColumn: 18 }] },
    { code: 'FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b "/" "/"\n', name: 'quoted', errors: [{ messageId: 'root', line: 3 }] },
  ],
});
