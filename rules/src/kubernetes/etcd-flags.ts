import { defineRule } from '../engine/rule';
import { flagMessages, flagRule as r, kicsByMessage, componentFlagHook, type FlagCheck } from '../model/kubernetes/component-flags';
import { staticPodYaml } from '../model/kubernetes/examples';

/** One row per flag requirement (CIS Kubernetes Benchmark section 2); each row is its own message. */
const CHECKS: readonly FlagCheck[] = [
  r.required('certFile', 'cert-file', 'clients talk to etcd without TLS.', ['075ca296-6768-4322-aea2-ba5063b969a9']),
  r.required('keyFile', 'key-file', 'clients talk to etcd without TLS.', ['075ca296-6768-4322-aea2-ba5063b969a9']),
  r.bool('clientCertAuth', 'client-cert-auth', true, ['9391103a-d8d7-4671-ac5d-606ba7ccb0ac'], false),
  r.bool('autoTls', 'auto-tls', false, ['98ce8b81-7707-4734-aa39-627c6db3d84b']),
  r.required('peerCertFile', 'peer-cert-file', 'etcd members replicate without TLS.', ['09bb9e96-8da3-4736-b89a-b36814acca60']),
  r.required('peerKeyFile', 'peer-key-file', 'etcd members replicate without TLS.', ['09bb9e96-8da3-4736-b89a-b36814acca60']),
  r.bool('peerClientCertAuth', 'peer-client-cert-auth', true, ['b7d0181d-0a9b-4611-9d1c-1ad4f0b620ff'], false),
  r.bool('peerAutoTls', 'peer-auto-tls', false, ['ae8827e2-4af9-4baa-9998-87539ae0d6f0']),
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES = kicsByMessage(CHECKS);

const GOOD = ['--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--key-file=/etc/kubernetes/pki/etcd/server.key', '--client-cert-auth=true', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-client-cert-auth=true', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'];

export default defineRule({
  id: 'K8S086',
  name: 'etcd-flags',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Run etcd with TLS and client certificate authentication',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_116', 'CKV_K8S_117', 'CKV_K8S_118', 'CKV_K8S_119', 'CKV_K8S_121'],
    kics: [...new Set(CHECKS.flatMap((c) => c.kics))],
  },
  messages: flagMessages(CHECKS),
  docs: {
    summary: 'A container that runs etcd lacks its serving or peer certificate and key, does not require client certificates (`--client-cert-auth`, `--peer-client-cert-auth`), or uses self-signed automatic TLS (`--auto-tls`, `--peer-auto-tls`) (one message per flag).',
    rationale: 'etcd holds every object of the cluster, Secrets included. Without TLS and client certificate authentication anyone who can reach its port can read or rewrite the cluster state; automatic TLS certificates are self-signed and authenticate nobody. These are the CIS Kubernetes Benchmark checks of section 2.',
    remediation: 'Edit the etcd static pod manifest (usually /etc/kubernetes/manifests/etcd.yaml): set the certificate and key flags, `--client-cert-auth=true` and `--peer-client-cert-auth=true`, and remove `--auto-tls`/`--peer-auto-tls`.',
    references: ['https://etcd.io/docs/latest/op-guide/security/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [staticPodYaml('registry.k8s.io/etcd:3.5.15-0', ['etcd', ...GOOD.filter((f) => !f.startsWith('--client-cert-auth')), '--auto-tls=true'])],
      good: [staticPodYaml('registry.k8s.io/etcd:3.5.15-0', ['etcd', ...GOOD])],
    },
  },
  hooks: {
    onContainer: componentFlagHook('etcd', CHECKS),
  },
});
