import rule from '../../../rules/src/dockerfile/secret-file-in-image';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM node:22\nCOPY package.json /app/\n', { code: 'FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n', name: 'public key' }, { code: 'FROM node:22\nCOPY .env.example /app/\n', name: 'example env file' }],
  invalid: [
    { code: 'FROM node:22\nCOPY .npmrc package.json /app/\n', errors: [{ messageId: 'secret', line: 2, column: 6, endColumn: 12 }] },
    { code: 'FROM alpine:3.20\nADD ~/.ssh/config /root/.ssh/\n', name: 'from a credential directory', errors: [{ messageId: 'secret', line: 2 }] },
    { code: 'FROM python:3.12\nCOPY ["certs/server.key", "/etc/ssl/private/"]\n', name: 'JSON form key', errors: [{ messageId: 'secret', line: 2, message: "'certs/server.key' looks like a credential file; it would be stored in an image layer." }] },
  ],
});
