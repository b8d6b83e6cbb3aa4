import rule from '../../../rules/src/dockerfile/non-numeric-user';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nUSER 1000\n', { code: 'FROM node:22\nUSER 1000:1000\n', name: 'uid:gid' }, { code: 'ARG UID\nFROM node:22\nUSER ${UID}\n', name: 'variable' }],
  invalid: [
    { code: 'FROM node:22\nUSER node\n', errors: [{ messageId: 'name', line: 2, column: 6, endColumn: 10 }] },
    { code: 'FROM node:22\nUSER 1000:staff\n', name: 'named group', errors: [{ messageId: 'name', line: 2 }] },
  ],
});
