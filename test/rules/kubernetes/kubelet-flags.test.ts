import rule from '../../../rules/src/kubernetes/kubelet-flags';
import { ruleTester } from '../../utils/rule-tester';
import { pod } from './kinds';
import { staticPod, wordLine } from './control-plane';

const IMAGE = 'registry.k8s.io/kubelet:v1.31.0';
const kubelet = (flags: readonly string[]): string => staticPod(['kubelet', '--config=/var/lib/kubelet/config.yaml', ...flags], IMAGE);

/** [flag as written, messageId]; each is reported on its own line (word 2). */
const ROWS: readonly [string, string][] = [
  ['--anonymous-auth=true', 'anonymousAuth'],
  ['--authorization-mode=AlwaysAllow', 'authorizationAlwaysAllow'],
  ['--read-only-port=10255', 'readOnlyPort'],
  ['--streaming-connection-idle-timeout=0s', 'streamingIdleTimeout'],
  ['--protect-kernel-defaults=false', 'protectKernelDefaults'],
  ['--make-iptables-util-chains=false', 'makeIptablesUtilChains'],
  ['--hostname-override=node-1', 'hostnameOverride'],
  ['--event-qps=5', 'eventQps'],
  ['--rotate-certificates=false', 'rotateCertificates'],
  ['--feature-gates=RotateKubeletServerCertificate=false', 'rotateKubeletServerCertificate'],
  ['--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA', 'weakCiphers'],
];

ruleTester(rule, {
  valid: [
    { code: kubelet([]), name: 'only --config: absent flags are not judged' },
    { code: kubelet(['--anonymous-auth=false', '--authorization-mode=Webhook', '--read-only-port=0', '--streaming-connection-idle-timeout=4h', '--protect-kernel-defaults', '--make-iptables-util-chains=true', '--event-qps=0', '--rotate-certificates', '--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305']), name: 'every flag set well' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    args: ["--read-only-port=10255"]\n'), name: 'near miss: an ordinary image with a kubelet-like flag' },
  ],
  invalid: [
    ...ROWS.map(([flag, messageId]) => ({ code: kubelet([flag]), name: `${messageId}: ${flag}`, errors: [{ messageId, line: wordLine(2) }] })),
    { code: kubelet(['--read_only_port=10255']), name: 'underscores in the flag name', errors: [{ messageId: 'readOnlyPort', line: wordLine(2) }] },
    {
      code: pod('containers:\n  - name: k\n    image: foo/bar\n    command: ["kubelet"]\n    args: ["--anonymous-auth", "true", "--read-only-port", "1"]\n'),
      name: 'flow args with separate values',
      errors: [
        { messageId: 'anonymousAuth', line: 10, message: 'kubelet: --anonymous-auth=true; set it to false.' },
        { messageId: 'readOnlyPort', line: 10, message: 'kubelet: --read-only-port=1 serves pod and node details without authentication; set it to 0.' },
      ],
    },
  ],
});
