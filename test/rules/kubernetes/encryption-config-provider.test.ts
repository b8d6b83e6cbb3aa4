import rule from '../../../rules/src/kubernetes/encryption-config-provider';
import { ruleTester } from '../../utils/rule-tester';

const config = (providers: string): string => `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n${providers}`;
const KEYS = '          keys: [{name: k1, secret: c2VjcmV0IGlzIHNlY3VyZQ==}]\n';

ruleTester(rule, {
  valid: [
    { code: config(`      - aescbc:\n${KEYS}      - identity: {}\n`), name: 'aescbc first, identity last' },
    { code: config('      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///run/kms.sock\n'), name: 'KMS v2' },
    { code: config(`      - secretbox:\n${KEYS}`), name: 'secretbox' },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  providers: identity\n', name: 'near miss: ConfigMap' },
  ],
  invalid: [
    { code: config('      - identity: {}\n'), name: 'identity only', errors: [{ messageId: 'noStrongProvider', line: 6, column: 5, message: 'Encryption of secrets uses no aescbc, secretbox or kms provider (providers: identity).' }] },
    { code: config(`      - aesgcm:\n${KEYS}      - identity: {}\n`), name: 'aesgcm only', errors: [{ messageId: 'noStrongProvider', line: 6 }] },
    { code: config(`      - identity: {}\n      - aescbc:\n${KEYS}`), name: 'identity first', errors: [{ messageId: 'identityFirst', line: 7, message: 'The first provider for secrets is identity, so new objects are written to etcd unencrypted; list the encrypting provider first.' }] },
  ],
});
