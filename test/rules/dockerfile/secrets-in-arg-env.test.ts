import rule from '../../../rules/src/dockerfile/secrets-in-arg-env';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENV APP_HOME=/app\n',
    { code: 'FROM alpine:3.20\nENV PASSWORD_FILE=/run/secrets/x\n', name: 'pointer to a secret file' },
    { code: 'FROM python:3.12\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n', name: 'public GPG key fingerprint' },
    { code: 'FROM alpine:3.20\nARG TOKENIZER_PATH=/models\n', name: 'token as a substring only' },
    { code: 'FROM alpine:3.20\nENV AUTH_URL=https://login.example.com\n', name: 'URL of an auth service' },
    { code: 'FROM alpine:3.20\nENV API_TOKEN=""\n', name: 'ENV explicitly emptied' },
    { code: 'FROM alpine:3.20\nENV SSH_PUBLIC_KEY=ssh-ed25519\n', name: 'public key' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n', errors: [{ messageId: 'name', line: 2, column: 5, endColumn: 16 }] },
    { code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:12\n', name: 'ARG before FROM without default', errors: [{ messageId: 'name', line: 1, column: 5, endColumn: 22, message: 'ARG AWS_ACCESS_KEY_ID looks like a secret; build arguments are recorded in the image history.' }] },
    { code: 'FROM alpine:3.20\nARG openai_api_key\n', name: 'lower case', errors: [{ messageId: 'name', line: 2 }] },
    { code: 'FROM alpine:3.20\nENV githubToken=x SAFE=1 clientSecret=y\n', name: 'camelCase, several properties', errors: [{ messageId: 'name', line: 2, column: 5 }, { messageId: 'name', line: 2, column: 26 }] },
    { code: 'FROM alpine:3.20\nENV DEPLOY=AKIAABCDEFGHIJKLMNOP\n', name: 'token-shaped value', errors: [{ messageId: 'value', line: 2, column: 12, endColumn: 32 }] },
    { code: 'FROM alpine:3.20\nENV MY_PASS word\n', name: 'legacy ENV form', errors: [{ messageId: 'name', line: 2 }] },
  ],
});
