import rule from '../../../rules/src/dockerfile/consecutive-run';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN a && b\nRUN c\n',
    { code: 'FROM debian:12\nRUN a\nWORKDIR /\nRUN b\n', name: 'not consecutive' },
    { code: 'FROM debian:12\nRUN --mount=type=secret,id=a a\nRUN b\n', name: 'different flags' },
    { code: 'FROM debian:12\nCOPY a /one/\nCOPY b /two/\n', name: 'different destinations' },
    { code: 'FROM debian:12 AS b\nRUN a\nRUN b\nFROM debian:12\nCOPY --from=b /x /x\n', name: 'build stage only copied from' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN a\n# note\nRUN b\n', errors: [{ messageId: 'consecutive', line: 2, column: 1, endColumn: 4, message: 'This RUN starts 2 consecutive RUN instructions that could be one layer.' }] },
    { code: 'FROM debian:12\nCOPY a /app/\nCOPY b /app\nCOPY c /app/\n', name: 'COPY to one directory', errors: [{ messageId: 'consecutive', line: 2 }] },
  ],
});
