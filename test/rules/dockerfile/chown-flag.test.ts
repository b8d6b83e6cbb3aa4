import rule from '../../../rules/src/dockerfile/chown-flag';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCOPY . /app\n', { code: 'FROM node:22\nCOPY --chown=root:root . /app\n', name: 'root-owned' }],
  invalid: [
    { code: 'FROM node:22\nCOPY --chown=node:node . /app\n', errors: [{ messageId: 'chown', line: 2, column: 6, endColumn: 23 }] },
    { code: 'FROM node:22\nADD --chown=1000 app.tgz /app\n', name: 'ADD', errors: [{ messageId: 'chown', line: 2 }] },
  ],
});
