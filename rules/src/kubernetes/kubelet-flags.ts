import { defineRule } from '../engine/rule';
import { cipherCheck, durationSeconds, flagMessages, flagRule as r, kicsByMessage, listOf, rotateServerCertGate, componentFlagHook, type FlagCheck } from '../model/kubernetes/component-flags';
import { staticPodYaml } from '../model/kubernetes/examples';

/**
 * One row per flag requirement (CIS Kubernetes Benchmark section 4.2). The kubelet usually takes
 * most settings from its `--config` file, so only flags that are given are judged (no "missing"
 * findings); KubeletConfiguration objects are checked by kubelet-config.
 */
const CHECKS: readonly FlagCheck[] = [
  r.bool('anonymousAuth', 'anonymous-auth', false, ['1de5cc51-f376-4638-a940-20f2e85ae238']),
  { id: 'authorizationAlwaysAllow', flag: 'authorization-mode', kics: ['f1f4d8da-1ac4-47d0-b1aa-91e69d33f7d5'], judge: (v) => (listOf(v).includes('AlwaysAllow') ? `--authorization-mode=${v} includes AlwaysAllow: any caller that reaches the kubelet API may run commands in pods; use Webhook.` : undefined) },
  { id: 'readOnlyPort', flag: 'read-only-port', kics: ['2940d48a-dc5e-4178-a3f8-bfbd80720b41'], judge: (v) => (v !== undefined && v !== '0' ? `--read-only-port=${v} serves pod and node details without authentication; set it to 0.` : undefined) },
  { id: 'streamingIdleTimeout', flag: 'streaming-connection-idle-timeout', kics: ['ed89b97d-04e9-4fd4-919f-ee5b27e555e9'], judge: (v) => (v !== undefined && durationSeconds(v) === 0 ? `--streaming-connection-idle-timeout=${v} never closes idle exec, attach and port-forward streams.` : undefined) },
  r.bool('protectKernelDefaults', 'protect-kernel-defaults', true, ['6cf42c97-facd-4fda-b8af-ea4529123355']),
  r.bool('makeIptablesUtilChains', 'make-iptables-util-chains', true, ['5f89001f-6dd9-49ff-9b15-d8cd71b617f4']),
  r.forbidden('hostnameOverride', 'hostname-override', 'the node name no longer matches its certificate, which breaks TLS verification between the API server and the kubelet.', ['bf36b900-b5ef-4828-adb7-70eb543b7cfb']),
  { id: 'eventQps', flag: 'event-qps', kics: ['1a07a446-8e61-4e4d-bc16-b0781fcb8211'], judge: (v) => (v !== undefined && v !== '0' ? `--event-qps=${v} rate-limits event creation, so security-relevant events can be dropped; set it to 0 (or to a level that captures all events).` : undefined) },
  r.bool('rotateCertificates', 'rotate-certificates', true, ['52d70f2e-3257-474c-b3dc-8ad9ba6a061a']),
  rotateServerCertGate(['1c621b8e-2c6a-44f5-bd6a-fb0fb7ba33e2']),
  cipherCheck('weakCiphers', ['510d5810-9a30-443a-817d-5c1fa527b110'], false),
];

/** Message id → KICS query ids (read by the KICS conformance test). */
export const KICS_MESSAGES = kicsByMessage(CHECKS);

export default defineRule({
  id: 'K8S087',
  name: 'kubelet-flags',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Run the kubelet with secure flags',
  fix: 'none',
  anchors: {
    checkov: ['CKV_K8S_138', 'CKV_K8S_139', 'CKV_K8S_141', 'CKV_K8S_143', 'CKV_K8S_144', 'CKV_K8S_145', 'CKV_K8S_146', 'CKV_K8S_147', 'CKV_K8S_149', 'CKV_K8S_150', 'CKV_K8S_151'],
    kics: [...new Set(CHECKS.flatMap((c) => c.kics))],
  },
  messages: flagMessages(CHECKS),
  docs: {
    summary: 'A container that runs the kubelet passes an insecure flag: anonymous access, AlwaysAllow authorization, the unauthenticated read-only port, streams without idle timeout, unprotected kernel defaults, unmanaged iptables chains, a hostname override, event rate limiting, certificate rotation turned off, or weak TLS cipher suites (one message per flag). Flags that are absent are not reported, because the kubelet normally reads them from its config file.',
    rationale: "The kubelet API runs commands in every pod of its node; anonymous or AlwaysAllow access to it is node compromise. The other flags keep the node's certificates fresh, its kernel settings authoritative and its events complete. These are the CIS Kubernetes Benchmark checks of section 4.2.",
    remediation: 'Remove the flag or set it to the value the finding gives; prefer setting these fields in the KubeletConfiguration file passed with `--config`.',
    references: ['https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    examples: {
      bad: [staticPodYaml('registry.k8s.io/kubelet:v1.31.0', ['kubelet', '--config=/var/lib/kubelet/config.yaml', '--anonymous-auth=true'])],
      good: [staticPodYaml('registry.k8s.io/kubelet:v1.31.0', ['kubelet', '--config=/var/lib/kubelet/config.yaml', '--anonymous-auth=false', '--read-only-port=0', '--rotate-certificates'])],
    },
  },
  hooks: {
    onContainer: componentFlagHook('kubelet', CHECKS),
  },
});
