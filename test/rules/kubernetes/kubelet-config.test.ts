import rule from '../../../rules/src/kubernetes/kubelet-config';
import { ruleTester } from '../../utils/rule-tester';

/** A KubeletConfiguration that passes every check; field lines are noted for the cases below. */
const GOOD = [
  'apiVersion: kubelet.config.k8s.io/v1beta1', // 1
  'kind: KubeletConfiguration', // 2
  'authentication:', // 3
  '  anonymous:', // 4
  '    enabled: false', // 5
  '  x509:', // 6
  '    clientCAFile: /pki/ca.crt', // 7
  'authorization:', // 8
  '  mode: Webhook', // 9
  'readOnlyPort: 0', // 10
  'protectKernelDefaults: true', // 11
  'eventRecordQPS: 0', // 12
  'rotateCertificates: true', // 13
  'tlsCertFile: /pki/kubelet.crt', // 14
  'tlsPrivateKeyFile: /pki/kubelet.key', // 15
  'tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]', // 16
  '',
].join('\n');
const edit = (from: string, to: string): string => GOOD.replace(from, to);
const drop = (line: string): string => GOOD.replace(`${line}\n`, '');

ruleTester(rule, {
  valid: [
    GOOD,
    { code: `${GOOD}streamingConnectionIdleTimeout: 4h0m0s\nmakeIPTablesUtilChains: true\nfeatureGates:\n  RotateKubeletServerCertificate: true\n`, name: 'explicit good values' },
    { code: '{"apiVersion": "kubelet.config.k8s.io/v1beta1", "kind": "KubeletConfiguration", "authentication": {"x509": {"clientCAFile": "/ca.crt"}}, "protectKernelDefaults": true, "eventRecordQPS": 0, "rotateCertificates": true, "tlsCertFile": "/c", "tlsPrivateKeyFile": "/k", "tlsCipherSuites": ["TLS_AES_128_GCM_SHA256"]}\n', filename: 'kubelet.json', name: 'JSON form' },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kubelet\ndata:\n  readOnlyPort: "10255"\n', name: 'near miss: a ConfigMap' },
  ],
  invalid: [
    { code: edit('enabled: false', 'enabled: true'), errors: [{ messageId: 'anonymousAuth', line: 5, column: 14 }] },
    { code: edit('mode: Webhook', 'mode: AlwaysAllow'), errors: [{ messageId: 'authorizationAlwaysAllow', line: 9 }] },
    { code: edit('  x509:\n    clientCAFile: /pki/ca.crt\n', ''), name: 'no client CA', errors: [{ messageId: 'clientCaFile', line: 2, message: 'KubeletConfiguration: authentication.x509.clientCAFile is not set, so client certificates cannot authenticate to the kubelet.' }] },
    { code: edit('readOnlyPort: 0', 'readOnlyPort: 10255'), errors: [{ messageId: 'readOnlyPort', line: 10 }] },
    { code: `${GOOD}streamingConnectionIdleTimeout: 0s\n`, errors: [{ messageId: 'streamingIdleTimeout', line: 17 }] },
    { code: drop('protectKernelDefaults: true'), name: 'protectKernelDefaults absent', errors: [{ messageId: 'protectKernelDefaults', line: 2 }] },
    { code: `${GOOD}makeIPTablesUtilChains: false\n`, errors: [{ messageId: 'makeIptablesUtilChains', line: 17 }] },
    { code: edit('eventRecordQPS: 0', 'eventRecordQPS: 5'), errors: [{ messageId: 'eventRecordQps', line: 12 }] },
    { code: drop('rotateCertificates: true'), name: 'rotateCertificates absent', errors: [{ messageId: 'rotateCertificates', line: 2 }] },
    { code: `${GOOD}featureGates:\n  RotateKubeletServerCertificate: false\n`, errors: [{ messageId: 'rotateKubeletServerCertificate', line: 18 }] },
    { code: drop('tlsCertFile: /pki/kubelet.crt'), name: 'tlsCertFile absent', errors: [{ messageId: 'tlsCertFile', line: 2 }] },
    { code: drop('tlsPrivateKeyFile: /pki/kubelet.key'), name: 'tlsPrivateKeyFile absent', errors: [{ messageId: 'tlsPrivateKeyFile', line: 2 }] },
    { code: edit('[TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]', '[TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256]'), name: 'a CBC suite', errors: [{ messageId: 'weakCiphers', line: 16, message: 'KubeletConfiguration: tlsCipherSuites allows weak suites (TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256); keep only ECDHE suites with GCM or ChaCha20-Poly1305.' }] },
    { code: drop('tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]'), name: 'tlsCipherSuites absent', errors: [{ messageId: 'weakCiphers', line: 2 }] },
  ],
});
