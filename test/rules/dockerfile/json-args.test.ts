import rule from '../../../rules/src/dockerfile/json-args';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCMD ["node", "server.js"]\n', { code: 'FROM node:22\nHEALTHCHECK CMD [ "curl", "-f", "http://localhost" ]\n', name: 'healthcheck JSON' }, { code: 'FROM node:22\nHEALTHCHECK NONE\n', name: 'healthcheck none' }],
  invalid: [
    { code: 'FROM node:22\nCMD node server.js\n', errors: [{ messageId: 'shellForm', line: 2, column: 5, endColumn: 19 }], suggestions: ['FROM node:22\nCMD ["node", "server.js"]\n'] },
    { code: 'FROM node:22\nENTRYPOINT exec node "$APP"\n', name: 'shell syntax: no suggestion', errors: [{ messageId: 'shellForm', line: 2 }], suggestions: [] },
    { code: 'FROM node:22\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\n', name: 'healthcheck shell form', errors: [{ messageId: 'shellForm', line: 2, column: 31 }], suggestions: ['FROM node:22\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n'] },
    { code: 'FROM python:3.12\nCMD [python, /app.py]\n', name: 'invalid JSON is shell form', errors: [{ messageId: 'shellForm', line: 2 }], suggestions: [] },
  ],
});
