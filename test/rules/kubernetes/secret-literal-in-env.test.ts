import rule from '../../../rules/src/kubernetes/secret-literal-in-env';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const env = (lines: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    env:\n${lines}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(env('      - name: DB_PASSWORD\n        valueFrom:\n          secretKeyRef: {name: db, key: password}\n'), 'valueFrom secretKeyRef'),
    { code: pod(env('      - name: LOG_LEVEL\n        value: debug\n')), name: 'ordinary variable' },
    { code: pod(env('      - name: API_TOKEN_FILE\n        value: /var/run/secrets/token\n      - name: PASSWORD_MIN_LENGTH\n        value: "12"\n      - name: SECRET_NAME\n        value: db-creds\n')), name: 'near misses: file path, settings, a name' },
    { code: pod(env('      - name: DB_PASSWORD\n        value: ""\n      - name: TOKEN\n        value: $(TOKEN_FROM_SECRET)\n')), name: 'empty value and $(VAR) reference' },
  ],
  invalid: [
    ...invalidInEveryKind(env('      - name: DB_PASSWORD\n        value: hunter2\n'), 'password literal', [{ messageId: 'literal', line: 6, column: 16, endColumn: 23, message: "Container 'app' sets 'DB_PASSWORD' to a literal value; it looks like a secret." }]),
    {
      code: pod('initContainers:\n  - name: i\n    image: busybox:1.36\n    env: [{name: GITHUB_TOKEN, value: "ghp_example"}, {name: apiKey, value: 1234567}]\n' + env('      - name: TLS_KEY\n        value: |\n          -----BEGIN RSA PRIVATE KEY-----\n          abc\n')) + '---\n' + pod(env('      - name: AWS_SECRET_ACCESS_KEY\n        value: wJalrXUtnFEMI\n')),
      name: 'init container (flow), number value, PEM key, multi-document',
      errors: [
        { messageId: 'literal', line: 9, column: 41, endColumn: 54 },
        { messageId: 'literal', line: 9, message: "Init container 'i' sets 'apiKey' to a literal value; it looks like a secret." },
        { messageId: 'privateKey', line: 15, message: "Container 'app' puts a private key in environment variable 'TLS_KEY'." },
        { messageId: 'literal', line: 29 },
      ],
    },
  ],
});
