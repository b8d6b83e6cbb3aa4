import { defineRule } from '../engine/rule';
import { durationSeconds, weakCiphers } from '../model/kubernetes/component-flags';
import { stringItems } from '../model/kubernetes/pod';
import { getIn, isSeq, nodeRange, scalarValue } from '../model/yaml/documents';

/** One field requirement of KubeletConfiguration: `judge` gets the field's node (undefined when absent) and says what is wrong. */
interface FieldCheck {
  id: string;
  path: readonly string[];
  kics: readonly string[];
  judge: (node: unknown) => string | undefined;
}

const text = (node: unknown): string => String(scalarValue(node));
const absent = (node: unknown): boolean => node === undefined || scalarValue(node) === null;

/** Defaults are those of kubelet.config.k8s.io/v1beta1 (an absent field takes them). */
const CHECKS: readonly FieldCheck[] = [
  { id: 'anonymousAuth', path: ['authentication', 'anonymous', 'enabled'], kics: ['1de5cc51-f376-4638-a940-20f2e85ae238'], judge: (n) => (scalarValue(n) === true ? 'authentication.anonymous.enabled: true lets unauthenticated callers use the kubelet API; set it to false.' : undefined) },
  { id: 'authorizationAlwaysAllow', path: ['authorization', 'mode'], kics: ['f1f4d8da-1ac4-47d0-b1aa-91e69d33f7d5'], judge: (n) => (scalarValue(n) === 'AlwaysAllow' ? 'authorization.mode: AlwaysAllow lets any caller run commands in pods; use Webhook.' : undefined) },
  { id: 'clientCaFile', path: ['authentication', 'x509', 'clientCAFile'], kics: ['e0e00aba-5f1c-4981-a542-9a9563c0ee20'], judge: (n) => (absent(n) ? 'authentication.x509.clientCAFile is not set, so client certificates cannot authenticate to the kubelet.' : undefined) },
  { id: 'readOnlyPort', path: ['readOnlyPort'], kics: ['2940d48a-dc5e-4178-a3f8-bfbd80720b41'], judge: (n) => (!absent(n) && text(n) !== '0' ? `readOnlyPort: ${text(n)} serves pod and node details without authentication; set it to 0.` : undefined) },
  { id: 'streamingIdleTimeout', path: ['streamingConnectionIdleTimeout'], kics: ['ed89b97d-04e9-4fd4-919f-ee5b27e555e9'], judge: (n) => (!absent(n) && durationSeconds(text(n)) === 0 ? `streamingConnectionIdleTimeout: ${text(n)} never closes idle exec, attach and port-forward streams.` : undefined) },
  { id: 'protectKernelDefaults', path: ['protectKernelDefaults'], kics: ['6cf42c97-facd-4fda-b8af-ea4529123355'], judge: (n) => (scalarValue(n) === true ? undefined : `${absent(n) ? 'protectKernelDefaults is not set (default false)' : `protectKernelDefaults: ${text(n)}`}: the kubelet silently changes kernel settings instead of failing; set it to true.`) },
  { id: 'makeIptablesUtilChains', path: ['makeIPTablesUtilChains'], kics: ['5f89001f-6dd9-49ff-9b15-d8cd71b617f4'], judge: (n) => (scalarValue(n) === false ? 'makeIPTablesUtilChains: false leaves iptables rules out of sync with pod networking.' : undefined) },
  { id: 'eventRecordQps', path: ['eventRecordQPS'], kics: ['1a07a446-8e61-4e4d-bc16-b0781fcb8211'], judge: (n) => (text(n) === '0' ? undefined : `${absent(n) ? 'eventRecordQPS is not set (default 50)' : `eventRecordQPS: ${text(n)}`}: event creation is rate-limited, so security-relevant events can be dropped; set it to 0.`) },
  { id: 'rotateCertificates', path: ['rotateCertificates'], kics: ['52d70f2e-3257-474c-b3dc-8ad9ba6a061a'], judge: (n) => (scalarValue(n) === true ? undefined : `${absent(n) ? 'rotateCertificates is not set (default false)' : `rotateCertificates: ${text(n)}`}: the kubelet client certificate expires instead of being renewed; set it to true.`) },
  { id: 'rotateKubeletServerCertificate', path: ['featureGates', 'RotateKubeletServerCertificate'], kics: ['1c621b8e-2c6a-44f5-bd6a-fb0fb7ba33e2'], judge: (n) => (scalarValue(n) === false ? 'featureGates.RotateKubeletServerCertificate: false turns off rotation of the kubelet serving certificate.' : undefined) },
  { id: 'tlsCertFile', path: ['tlsCertFile'], kics: ['fa750c81-93c2-4fab-9c6d-d3fd3ce3b89f'], judge: (n) => (absent(n) ? 'tlsCertFile is not set, so the kubelet serves a self-signed certificate nobody can verify.' : undefined) },
  { id: 'tlsPrivateKeyFile', path: ['tlsPrivateKeyFile'], kics: ['fa750c81-93c2-4fab-9c6d-d3fd3ce3b89f'], judge: (n) => (absent(n) ? 'tlsPrivateKeyFile is not set, so the kubelet serves a self-signed certificate nobody can verify.' : undefined) },
  {
    id: 'weakCiphers', path: ['tlsCipherSuites'], kics: ['510d5810-9a30-443a-817d-5c1fa527b110'],
    judge: (n) => {
      if (absent(n)) return "tlsCipherSuites is not set, so Go's defaults (which include CBC suites) are offered; list only ECDHE suites with GCM or ChaCha20-Poly1305.";
      const weak = isSeq(n) ? weakCiphers(stringItems(n).map((i) => i.value)) : [];
      return weak.length > 0 ? `tlsCipherSuites allows weak suites (${weak.join(', ')}); keep only ECDHE suites with GCM or ChaCha20-Poly1305.` : undefined;
    },
  },
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES: Record<string, readonly string[]> = Object.fromEntries(CHECKS.map((c) => [c.id, c.kics]));

const GOOD = 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  mode: Webhook\nreadOnlyPort: 0\nprotectKernelDefaults: true\neventRecordQPS: 0\nrotateCertificates: true\ntlsCertFile: /var/lib/kubelet/pki/kubelet.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key\ntlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]\n';

export default defineRule({
  id: 'K8S088',
  name: 'kubelet-config',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Harden the KubeletConfiguration',
  fix: 'none',
  anchors: {
    kics: [...new Set(CHECKS.flatMap((c) => c.kics))],
  },
  messages: Object.fromEntries(CHECKS.map((c) => [c.id, (problem: string) => `KubeletConfiguration: ${problem}`])),
  docs: {
    summary: 'A `KubeletConfiguration` (kubelet.config.k8s.io) allows anonymous or AlwaysAllow access, lacks a client CA or its own serving certificate, opens the read-only port, disables stream idle timeouts, does not protect kernel defaults, rate-limits events, does not rotate certificates, or allows weak TLS cipher suites (one message per field; absent fields are judged by their defaults).',
    rationale: 'The kubelet API runs commands in every pod of its node: who may call it, with which certificates and over which ciphers decides whether one stolen network position becomes node compromise. These are the CIS Kubernetes Benchmark checks of section 4.2, in their config-file form.',
    remediation: 'Set the field each finding names in the kubelet config file (usually /var/lib/kubelet/config.yaml) and restart the kubelet.',
    references: ['https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [GOOD.replace('enabled: false', 'enabled: true')],
      good: [GOOD],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'KubeletConfiguration' || !o.apiVersion.startsWith('kubelet.config.k8s.io/')) return;
      for (const check of CHECKS) {
        const node = getIn(o.node, check.path);
        const problem = check.judge(node);
        if (problem !== undefined) ctx.report({ at: (!absent(node) && nodeRange(o.file, node)) || o.headRange, messageId: check.id, args: [problem] });
      }
    },
  },
});
