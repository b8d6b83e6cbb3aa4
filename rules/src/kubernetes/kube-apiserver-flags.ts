import { defineRule } from '../engine/rule';
import { cipherCheck, durationSeconds, flagMessages, flagRule as r, kicsByMessage, componentFlagHook, type FlagCheck } from '../model/kubernetes/component-flags';
import { staticPodYaml } from '../model/kubernetes/examples';

const PLUGINS = 'enable-admission-plugins';

/** One row per flag requirement (CIS Kubernetes Benchmark section 1.2); each row is its own message. */
const CHECKS: readonly FlagCheck[] = [
  r.bool('anonymousAuth', 'anonymous-auth', false, ['1de5cc51-f376-4638-a940-20f2e85ae238'], true),
  r.forbidden('basicAuthFile', 'basic-auth-file', 'static passwords in a file cannot be rotated or revoked (the flag was removed in 1.19).', ['5da47109-f8d6-4585-9e2b-96a8958a12f5']),
  r.forbidden('tokenAuthFile', 'token-auth-file', 'static bearer tokens live in clear text and cannot be revoked without a restart.', ['32ecd76e-7bbf-402e-bf48-8b9485749558']),
  r.bool('kubeletHttps', 'kubelet-https', true, ['cdc8b54e-6b16-4538-a1b0-35849dbe29cf']),
  r.required('kubeletClientCertificate', 'kubelet-client-certificate', 'the API server cannot authenticate to kubelets.', ['36a27826-1bf5-49da-aeb0-a60a30c0e834']),
  r.required('kubeletClientKey', 'kubelet-client-key', 'the API server cannot authenticate to kubelets.', ['36a27826-1bf5-49da-aeb0-a60a30c0e834']),
  r.required('kubeletCertificateAuthority', 'kubelet-certificate-authority', 'kubelet serving certificates are not verified (man-in-the-middle).', ['ec18a0d3-0069-4a58-a7fb-fbfe0b4bbbe0']),
  {
    id: 'authorizationAlwaysAllow', flag: 'authorization-mode', kics: ['f1f4d8da-1ac4-47d0-b1aa-91e69d33f7d5'],
    judge: (v) => (v === undefined ? '--authorization-mode is not set and defaults to AlwaysAllow: every authenticated request is allowed; set --authorization-mode=Node,RBAC.' : v.split(',').includes('AlwaysAllow') ? `--authorization-mode=${v} includes AlwaysAllow: every authenticated request is allowed.` : undefined),
  },
  { id: 'authorizationNode', flag: 'authorization-mode', kics: ['4d7ee40f-fc5d-427d-8cac-dffbe22d42d1'], judge: (v) => (v !== undefined && !v.split(',').includes('Node') ? `--authorization-mode=${v} lacks Node: kubelets are not limited to their own node's objects.` : undefined) },
  { id: 'authorizationRbac', flag: 'authorization-mode', kics: ['1aa4a1ae-5dbb-48a1-9aa2-630ea4be208e'], judge: (v) => (v !== undefined && !v.split(',').includes('RBAC') ? `--authorization-mode=${v} lacks RBAC: Roles and bindings are not enforced.` : undefined) },
  r.excludes('alwaysAdmit', PLUGINS, 'AlwaysAdmit', 'it admits every request and disables admission control.', ['ce30e584-b33f-4c7d-b418-a3d7027f8f60']),
  r.includes('alwaysPullImages', PLUGINS, 'AlwaysPullImages', 'pods can use private images cached on a node without pull credentials.', ['a77f4d07-c6e0-4a48-8b35-0eeb51576f4f']),
  r.includes('eventRateLimit', PLUGINS, 'EventRateLimit', 'a flood of events can overload the API server and etcd.', ['e0099af2-fe17-411f-9991-0de28fe15f3c']),
  r.includes('imagePolicyWebhook', PLUGINS, 'ImagePolicyWebhook', 'no admission webhook can reject untrusted images.', ['14abda69-8e91-4acb-9931-76e2bee90284']),
  r.includes('nodeRestriction', PLUGINS, 'NodeRestriction', 'a kubelet can modify other nodes and their pods.', ['33fc6923-6553-4fe6-9d3a-4efa51eb874b']),
  r.excludes('serviceAccountPluginDisabled', 'disable-admission-plugins', 'ServiceAccount', 'pods are no longer given service accounts and token mounts are not checked.', ['9587c890-0524-40c2-9ce2-663af7c2f063']),
  r.excludes('namespaceLifecyclePluginDisabled', 'disable-admission-plugins', 'NamespaceLifecycle', 'objects can be created in namespaces that are being deleted or do not exist.', ['1ffe7bf7-563b-4b3d-a71d-ba6bd8d49b37']),
  r.forbidden('insecureBindAddress', 'insecure-bind-address', 'the insecure port skips authentication and authorization.', ['b9380fd3-5ffe-4d10-9290-13e18e71eee1']),
  { id: 'insecurePort', flag: 'insecure-port', kics: ['fa4def8c-1898-4a35-a139-7b76b1acdef0'], judge: (v) => (v !== undefined && v !== '0' ? `--insecure-port=${v} serves the API without authentication or authorization; set it to 0.` : undefined) },
  { id: 'securePort', flag: 'secure-port', kics: ['3d24b204-b73d-42cb-b0bf-1a5438c5f71e'], judge: (v) => (v === '0' ? '--secure-port=0 turns off the authenticated HTTPS port.' : undefined) },
  r.bool('profiling', 'profiling', false, ['2f491173-6375-4a84-b28e-a4e2b9a58a69'], true),
  r.required('auditLogPath', 'audit-log-path', 'API requests are not audited.', ['73e251f0-363d-4e53-86e2-0a93592437eb']),
  r.atLeast('auditLogMaxAge', 'audit-log-maxage', 30, 'days', ['da9f3aa8-fbfb-472f-b5a1-576127944218']),
  r.atLeast('auditLogMaxBackup', 'audit-log-maxbackup', 10, 'files', ['768aab52-2504-4a2f-a3e3-329d5a679848']),
  r.atLeast('auditLogMaxSize', 'audit-log-maxsize', 100, 'MB', ['35c0a471-f7c8-4993-aa2c-503a3c712a66']),
  r.required('auditPolicyFile', 'audit-policy-file', 'without a policy nothing is audited.', ['13a49a2e-488e-4309-a7c0-d6b05577a5fb']),
  {
    id: 'requestTimeout', flag: 'request-timeout', kics: ['d89a15bb-8dba-4c71-9529-bef6729b9c09'],
    judge: (v) => { const s = v === undefined ? undefined : durationSeconds(v); return s !== undefined && s > 300 ? `--request-timeout=${v} keeps requests open for more than 5 minutes (default 60s), which eases resource exhaustion.` : undefined; },
  },
  r.bool('serviceAccountLookup', 'service-account-lookup', true, ['a5530bd7-225a-48f9-91bb-f40b04200165']),
  r.required('serviceAccountKeyFile', 'service-account-key-file', 'service account tokens cannot be verified against a dedicated key.', ['dab4ec72-ce2e-4732-b7c3-1757dcce01a1']),
  r.required('etcdCertfile', 'etcd-certfile', 'the API server does not authenticate to etcd with a client certificate.', ['895a5a95-3756-4b04-9924-2f3bc93181bd']),
  r.required('etcdKeyfile', 'etcd-keyfile', 'the API server does not authenticate to etcd with a client certificate.', ['895a5a95-3756-4b04-9924-2f3bc93181bd']),
  r.required('etcdCafile', 'etcd-cafile', "etcd's serving certificate is not verified.", ['3f5ff8a7-5ad6-4d02-86f5-666307da1b20']),
  r.required('tlsCertFile', 'tls-cert-file', 'the API server has no serving certificate of your own.', ['fa750c81-93c2-4fab-9c6d-d3fd3ce3b89f']),
  r.required('tlsPrivateKeyFile', 'tls-private-key-file', 'the API server has no serving key of your own.', ['fa750c81-93c2-4fab-9c6d-d3fd3ce3b89f']),
  r.required('clientCaFile', 'client-ca-file', 'client certificates cannot be used to authenticate.', ['e0e00aba-5f1c-4981-a542-9a9563c0ee20']),
  r.required('encryptionProviderConfig', 'encryption-provider-config', 'Secrets are stored in etcd unencrypted.', ['cbd2db69-0b21-4c14-8a40-7710a50571a9']),
  cipherCheck('weakCiphers', ['510d5810-9a30-443a-817d-5c1fa527b110'], true),
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES = kicsByMessage(CHECKS);

const GOOD = ['--anonymous-auth=false', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction,AlwaysPullImages,EventRateLimit,ImagePolicyWebhook', '--admission-control-config-file=/etc/kubernetes/admission.yaml', '--profiling=false', '--audit-log-path=/var/log/kubernetes/audit.log', '--audit-log-maxage=30', '--audit-log-maxbackup=10', '--audit-log-maxsize=100', '--audit-policy-file=/etc/kubernetes/audit-policy.yaml', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key', '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--encryption-provider-config=/etc/kubernetes/encryption.yaml'];

export default defineRule({
  id: 'K8S083',
  name: 'kube-apiserver-flags',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Run kube-apiserver with secure flags',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_68', 'CKV_K8S_69', 'CKV_K8S_70', 'CKV_K8S_71', 'CKV_K8S_72', 'CKV_K8S_73', 'CKV_K8S_74', 'CKV_K8S_75', 'CKV_K8S_77', 'CKV_K8S_79', 'CKV_K8S_80', 'CKV_K8S_82', 'CKV_K8S_83', 'CKV_K8S_85', 'CKV_K8S_86', 'CKV_K8S_88', 'CKV_K8S_89', 'CKV_K8S_90', 'CKV_K8S_91', 'CKV_K8S_92', 'CKV_K8S_93', 'CKV_K8S_94', 'CKV_K8S_95', 'CKV_K8S_96', 'CKV_K8S_97', 'CKV_K8S_99', 'CKV_K8S_100', 'CKV_K8S_102', 'CKV_K8S_104', 'CKV_K8S_105'],
    kics: [...new Set(CHECKS.flatMap((c) => c.kics))],
  },
  messages: flagMessages(CHECKS),
  docs: {
    summary: 'A container that runs kube-apiserver (its `command` starts with `kube-apiserver`, or it has no command and a kube-apiserver image) sets an insecure flag or lacks a required one: anonymous access, static password or token files, AlwaysAllow authorization, missing admission plugins, insecure ports, profiling, audit logging, TLS and etcd/kubelet certificates, Secret encryption and weak TLS cipher suites (one message per flag).',
    rationale: 'The API server is the front door of the cluster: an anonymous or AlwaysAllow API server, an unauthenticated port or unaudited requests give an attacker the whole cluster. These are the API server checks of the CIS Kubernetes Benchmark (section 1.2), decided from the static pod manifest.',
    remediation: 'Edit the static pod manifest (usually /etc/kubernetes/manifests/kube-apiserver.yaml) and set the flag each finding names to the value it gives.',
    references: ['https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [staticPodYaml('registry.k8s.io/kube-apiserver:v1.31.0', ['kube-apiserver', ...GOOD.filter((f) => !f.startsWith('--anonymous-auth')), '--anonymous-auth=true'])],
      good: [staticPodYaml('registry.k8s.io/kube-apiserver:v1.31.0', ['kube-apiserver', ...GOOD])],
    },
  },
  hooks: {
    onContainer: componentFlagHook('kube-apiserver', CHECKS),
  },
});
