import rule from '../../../rules/src/kubernetes/sensitive-configmap';
import { ruleTester } from '../../utils/rule-tester';

const cm = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${data}`;

ruleTester(rule, {
  valid: [cm('  LOG_LEVEL: info\n'), { code: cm('  PASSWORD_FILE: /run/secrets/pw\n  TOKEN_TTL: "3600"\n'), name: 'near misses: paths and settings' }],
  invalid: [
    { code: cm('  DB_PASSWORD: hunter2\n  api_key: abc123\n'), errors: [{ messageId: 'key', line: 6, column: 3, endColumn: 14, message: "ConfigMap 'c' stores 'DB_PASSWORD', which looks like a secret." }, { messageId: 'key', line: 7 }] },
    { code: cm('  tls.key: |\n    -----BEGIN PRIVATE KEY-----\n    abc\n'), name: 'PEM key', errors: [{ messageId: 'privateKey', line: 6 }] },
  ],
});
