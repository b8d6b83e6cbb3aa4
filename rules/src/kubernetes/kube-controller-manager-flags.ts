import { defineRule } from '../engine/rule';
import { flagMessages, flagRule as r, kicsByMessage, loopbackBindAddress, rotateServerCertGate, componentFlagHook, type FlagCheck } from '../model/kubernetes/component-flags';
import { staticPodYaml } from '../model/kubernetes/examples';

/** One row per flag requirement (CIS Kubernetes Benchmark section 1.3); each row is its own message. */
const CHECKS: readonly FlagCheck[] = [
  r.bool('profiling', 'profiling', false, ['2f491173-6375-4a84-b28e-a4e2b9a58a69'], true),
  r.bool('useServiceAccountCredentials', 'use-service-account-credentials', true, ['1acd93f1-5a37-45c0-aaac-82ece818be7d'], false),
  r.required('serviceAccountPrivateKeyFile', 'service-account-private-key-file', 'service account tokens are not signed with a dedicated key that can be rotated.', ['ccc98ff7-68a7-436e-9218-185cb0b0b780']),
  r.required('rootCaFile', 'root-ca-file', "pods' service account token volumes carry no CA to verify the API server with.", ['05fb986f-ac73-4ebb-a5b2-7faafa93d882']),
  {
    id: 'terminatedPodGcThreshold', flag: 'terminated-pod-gc-threshold', kics: ['49113af4-29ca-458e-b8d4-724c01a4a24f'],
    judge: (v) => {
      const n = v === undefined ? undefined : Number(v);
      if (n === undefined || !Number.isFinite(n)) return undefined;
      return n <= 0 ? `--terminated-pod-gc-threshold=${v} turns off garbage collection of terminated pods; set a positive limit such as 12500.` : n > 12500 ? `--terminated-pod-gc-threshold=${v} lets more terminated pods pile up than the default 12500 (resource exhaustion).` : undefined;
    },
  },
  loopbackBindAddress(['46a2e9ec-6a5f-4faa-9d39-4ea44d5d87a2']),
  rotateServerCertGate(['1c621b8e-2c6a-44f5-bd6a-fb0fb7ba33e2']),
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES = kicsByMessage(CHECKS);

const GOOD = ['--profiling=false', '--use-service-account-credentials=true', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--bind-address=127.0.0.1'];

export default defineRule({
  id: 'K8S084',
  name: 'kube-controller-manager-flags',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Run kube-controller-manager with secure flags',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_106', 'CKV_K8S_107', 'CKV_K8S_108', 'CKV_K8S_110', 'CKV_K8S_111', 'CKV_K8S_112', 'CKV_K8S_113'],
    kics: [...new Set(CHECKS.flatMap((c) => c.kics))],
  },
  messages: flagMessages(CHECKS),
  docs: {
    summary: 'A container that runs kube-controller-manager sets an insecure flag or lacks a required one: profiling, per-controller service account credentials, the token signing key, the root CA file, the terminated-pod garbage collection threshold, the bind address and kubelet serving certificate rotation (one message per flag).',
    rationale: 'Without `--use-service-account-credentials` every controller acts with the controller manager\'s own broad identity; without a signing key and root CA, service account tokens cannot be rotated or verified; profiling and a non-loopback bind address expose internals to the network. These are the CIS Kubernetes Benchmark checks of section 1.3.',
    remediation: 'Edit the static pod manifest (usually /etc/kubernetes/manifests/kube-controller-manager.yaml) and set the flag each finding names to the value it gives.',
    references: ['https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [staticPodYaml('registry.k8s.io/kube-controller-manager:v1.31.0', ['kube-controller-manager', ...GOOD.filter((f) => !f.startsWith('--profiling')), '--profiling=true'])],
      good: [staticPodYaml('registry.k8s.io/kube-controller-manager:v1.31.0', ['kube-controller-manager', ...GOOD])],
    },
  },
  hooks: {
    onContainer: componentFlagHook('kube-controller-manager', CHECKS),
  },
});
