import rule from '../../../rules/src/kubernetes/etcd-flags';
import { ruleTester, type InvalidCase } from '../../utils/rule-tester';
import { pod } from './kinds';
import { COMMAND_LINE, flagIndex, staticPod, withFlag, wordLine } from './control-plane';

const IMAGE = 'registry.k8s.io/etcd:3.5.15-0';
const BASE = ['--cert-file=/pki/server.crt', '--key-file=/pki/server.key', '--client-cert-auth=true', '--trusted-ca-file=/pki/ca.crt', '--peer-cert-file=/pki/peer.crt', '--peer-key-file=/pki/peer.key', '--peer-client-cert-auth=true', '--peer-trusted-ca-file=/pki/ca.crt'];
const etcd = (flags: readonly string[]): string => staticPod(['etcd', ...flags], IMAGE);

const ROWS: readonly [string, string | undefined, string][] = [
  ['cert-file', undefined, 'certFile'],
  ['key-file', undefined, 'keyFile'],
  ['client-cert-auth', 'false', 'clientCertAuth'],
  ['client-cert-auth', undefined, 'clientCertAuth'],
  ['auto-tls', 'true', 'autoTls'],
  ['peer-cert-file', undefined, 'peerCertFile'],
  ['peer-key-file', undefined, 'peerKeyFile'],
  ['peer-client-cert-auth', 'false', 'peerClientCertAuth'],
  ['peer-client-cert-auth', undefined, 'peerClientCertAuth'],
  ['peer-auto-tls', 'true', 'peerAutoTls'],
];

const rowCases: InvalidCase[] = ROWS.map(([flag, value, messageId]) => {
  const flags = withFlag(BASE, flag, value);
  const i = flagIndex(flags, flag);
  return { code: etcd(flags), name: `${messageId}: --${flag}=${value ?? '(absent)'}`, errors: [{ messageId, line: i < 0 ? COMMAND_LINE : wordLine(i + 1) }] };
});

ruleTester(rule, {
  valid: [
    { code: etcd(BASE), name: 'TLS and client certificates everywhere' },
    { code: etcd([...BASE, '--auto-tls=false', '--peer-auto-tls=false']), name: 'auto TLS explicitly off' },
    { code: etcd(BASE.map((f) => (f === '--client-cert-auth=true' ? '--client-cert-auth' : f))), name: 'bare boolean flag means true' },
    { code: pod('containers:\n  - name: db\n    image: postgres:16\n    command: ["postgres"]\n'), name: 'another database' },
    { code: staticPod(['etcdctl', 'get', '/'], IMAGE), name: 'near miss: etcdctl' },
  ],
  invalid: [
    ...rowCases,
    {
      code: pod('containers:\n  - name: etcd\n    image: gcr.io/google_containers/etcd:v3.2.18\n    command: ["etcd"]\n    args: ["--cert-file=/a.crt", "--key-file=/a.key", "--client-cert-auth=true", "--peer-cert-file=/p.crt", "--peer-key-file=/p.key", "--peer-client-cert-auth=true", "--peer-auto-tls=true"]\n'),
      name: 'flow args',
      errors: [{ messageId: 'peerAutoTls', line: 10, message: 'etcd: --peer-auto-tls=true; set it to false.' }],
    },
  ],
});
