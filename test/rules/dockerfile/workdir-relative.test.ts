import rule from '../../../rules/src/dockerfile/workdir-relative';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine:3.20\nWORKDIR /app\n', { code: 'FROM alpine:3.20\nWORKDIR ${HOME}/x\n', name: 'variable' }, { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n', name: 'Windows drive' }, { code: 'FROM alpine:3.20\nWORKDIR "/usr/local"\n', name: 'quoted absolute' }],
  invalid: [
    { code: 'FROM alpine:3.20\nWORKDIR app\n', errors: [{ messageId: 'relative', line: 2, column: 9, endColumn: 12 }], suggestions: ['FROM alpine:3.20\nWORKDIR /app\n'] },
    { code: 'FROM alpine:3.20\nWORKDIR "relative/dir"\n', name: 'quoted relative', errors: [{ messageId: 'relative', line: 2 }], suggestions: ['FROM alpine:3.20\nWORKDIR "/relative/dir"\n'] },
  ],
});
