import rule from '../../../rules/src/kubernetes/etcd-shared-ca';
import { ruleTester } from '../../utils/rule-tester';
import { staticPod } from './control-plane';

const etcd = (ca: string): string => staticPod(['etcd', `--trusted-ca-file=${ca}`], 'registry.k8s.io/etcd:3.5.15-0');
const api = (ca: string): string => staticPod(['kube-apiserver', `--client-ca-file=${ca}`]);

ruleTester(rule, {
  valid: [
    { code: `${etcd('/pki/etcd/ca.crt')}---\n${api('/pki/ca.crt')}`, name: 'dedicated etcd CA' },
    { code: etcd('/pki/ca.crt'), name: 'no kube-apiserver in the file' },
    { code: `${staticPod(['etcdctl', '--trusted-ca-file=/pki/ca.crt'])}---\n${api('/pki/ca.crt')}`, name: 'near miss: not etcd' },
  ],
  invalid: [
    {
      code: `${etcd('/pki/ca.crt')}---\n${api('/pki/ca.crt')}`,
      errors: [{ messageId: 'sharedCa', line: 11, message: 'etcd trusts client certificates from /pki/ca.crt, the CA kube-apiserver also uses for its clients (--client-ca-file): every cluster client certificate can authenticate to etcd.' }],
    },
    { code: `${api('/pki/ca.crt')}---\n${etcd('/pki/ca.crt')}`, name: 'API server first', errors: [{ messageId: 'sharedCa', line: 23 }] },
  ],
});
