import rule from '../../../rules/src/kubernetes/kube-apiserver-flags';
import { ruleTester, type InvalidCase } from '../../utils/rule-tester';
import { invalidInEveryKind, pod } from './kinds';
import { COMMAND_LINE, flagIndex, staticPod, withFlag, wordLine } from './control-plane';

/** A kube-apiserver command line that passes every check. */
const BASE = ['--anonymous-auth=false', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction,AlwaysPullImages,EventRateLimit,ImagePolicyWebhook', '--profiling=false', '--audit-log-path=/var/log/audit.log', '--audit-log-maxage=30', '--audit-log-maxbackup=10', '--audit-log-maxsize=100', '--audit-policy-file=/etc/kubernetes/audit.yaml', '--client-ca-file=/pki/ca.crt', '--tls-cert-file=/pki/apiserver.crt', '--tls-private-key-file=/pki/apiserver.key', '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256', '--kubelet-client-certificate=/pki/kc.crt', '--kubelet-client-key=/pki/kc.key', '--kubelet-certificate-authority=/pki/ca.crt', '--etcd-cafile=/pki/etcd/ca.crt', '--etcd-certfile=/pki/etcd.crt', '--etcd-keyfile=/pki/etcd.key', '--service-account-key-file=/pki/sa.pub', '--encryption-provider-config=/etc/kubernetes/enc.yaml'];
const api = (flags: readonly string[]): string => staticPod(['kube-apiserver', ...flags]);

/** [flag, value (undefined: removed), messageId]; a set flag is reported on its own line, a missing one on `command:`. */
const ROWS: readonly [string, string | undefined, string][] = [
  ['anonymous-auth', 'true', 'anonymousAuth'],
  ['anonymous-auth', undefined, 'anonymousAuth'],
  ['basic-auth-file', '/etc/passwords.csv', 'basicAuthFile'],
  ['token-auth-file', '/etc/tokens.csv', 'tokenAuthFile'],
  ['kubelet-https', 'false', 'kubeletHttps'],
  ['kubelet-client-certificate', undefined, 'kubeletClientCertificate'],
  ['kubelet-client-key', undefined, 'kubeletClientKey'],
  ['kubelet-certificate-authority', undefined, 'kubeletCertificateAuthority'],
  ['authorization-mode', 'Node,RBAC,AlwaysAllow', 'authorizationAlwaysAllow'],
  ['authorization-mode', 'RBAC', 'authorizationNode'],
  ['authorization-mode', 'Node,Webhook', 'authorizationRbac'],
  ['enable-admission-plugins', 'AlwaysAdmit,NodeRestriction,AlwaysPullImages,EventRateLimit,ImagePolicyWebhook', 'alwaysAdmit'],
  ['enable-admission-plugins', 'NodeRestriction,EventRateLimit,ImagePolicyWebhook', 'alwaysPullImages'],
  ['enable-admission-plugins', 'NodeRestriction,AlwaysPullImages,ImagePolicyWebhook', 'eventRateLimit'],
  ['enable-admission-plugins', 'NodeRestriction,AlwaysPullImages,EventRateLimit', 'imagePolicyWebhook'],
  ['enable-admission-plugins', 'AlwaysPullImages,EventRateLimit,ImagePolicyWebhook', 'nodeRestriction'],
  ['disable-admission-plugins', 'ServiceAccount', 'serviceAccountPluginDisabled'],
  ['disable-admission-plugins', 'NamespaceLifecycle', 'namespaceLifecyclePluginDisabled'],
  ['insecure-bind-address', '127.0.0.1', 'insecureBindAddress'],
  ['insecure-port', '8080', 'insecurePort'],
  ['secure-port', '0', 'securePort'],
  ['profiling', 'true', 'profiling'],
  ['audit-log-path', undefined, 'auditLogPath'],
  ['audit-log-maxage', '7', 'auditLogMaxAge'],
  ['audit-log-maxbackup', undefined, 'auditLogMaxBackup'],
  ['audit-log-maxsize', '50', 'auditLogMaxSize'],
  ['audit-policy-file', undefined, 'auditPolicyFile'],
  ['request-timeout', '1h1m', 'requestTimeout'],
  ['service-account-lookup', 'false', 'serviceAccountLookup'],
  ['service-account-key-file', undefined, 'serviceAccountKeyFile'],
  ['etcd-certfile', undefined, 'etcdCertfile'],
  ['etcd-keyfile', undefined, 'etcdKeyfile'],
  ['etcd-cafile', undefined, 'etcdCafile'],
  ['tls-cert-file', undefined, 'tlsCertFile'],
  ['tls-private-key-file', undefined, 'tlsPrivateKeyFile'],
  ['client-ca-file', undefined, 'clientCaFile'],
  ['encryption-provider-config', undefined, 'encryptionProviderConfig'],
  ['tls-cipher-suites', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA', 'weakCiphers'],
  ['tls-cipher-suites', undefined, 'weakCiphers'],
];

const rowCases: InvalidCase[] = ROWS.map(([flag, value, messageId]) => {
  const flags = withFlag(BASE, flag, value);
  const i = flagIndex(flags, flag);
  return { code: api(flags), name: `${messageId}: --${flag}=${value ?? '(absent)'}`, errors: [{ messageId, line: i < 0 ? COMMAND_LINE : wordLine(i + 1) }] };
});

ruleTester(rule, {
  valid: [
    { code: api(BASE), name: 'every flag set as required' },
    { code: api(withFlag(withFlag(BASE, 'request-timeout', '300s'), 'insecure-port', '0')), name: 'request-timeout 300s, insecure-port 0' },
    { code: pod(`containers:\n  - name: api\n    image: registry.k8s.io/kube-apiserver:v1.31.0\n    args: ${JSON.stringify(BASE)}\n`), name: 'no command: the image decides, flags in args' },
    { code: staticPod(['/usr/local/bin/hyperkube', 'apiserver', ...BASE]), name: 'hyperkube apiserver' },
    { code: staticPod(['my-proxy', '--anonymous-auth=true'], 'example.com/kube-apiserver-proxy:1'), name: 'near miss: another program with an apiserver-like flag' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'ordinary workload' },
    { code: staticPod(['sh', '-c', 'kube-apiserver --anonymous-auth=true']), name: 'shell form is not parsed' },
  ],
  invalid: [
    ...rowCases,
    {
      code: pod(`containers:\n  - name: api\n    image: registry.k8s.io/kube-apiserver:v1.31.0\n    command: ["kube-apiserver"]\n    args: ${JSON.stringify([...withFlag(BASE, 'profiling', undefined), '--profiling', 'true'])}\n`),
      name: 'flow command + args, flag and value as separate items',
      errors: [{ messageId: 'profiling', line: 10, message: 'kube-apiserver: --profiling=true; set it to false.' }],
    },
    ...invalidInEveryKind(
      `containers:\n  - name: main\n    image: registry.k8s.io/kube-apiserver:v1.31.0\n    command:\n${['kube-apiserver', ...withFlag(BASE, 'anonymous-auth', undefined)].map((w) => `      - ${w}\n`).join('')}`,
      'missing flag, reported on the command key',
      [{ messageId: 'anonymousAuth', line: 4, column: 5, message: 'kube-apiserver: --anonymous-auth is not set and defaults to true; set --anonymous-auth=false.' }],
      ['Pod'],
    ),
  ],
});
