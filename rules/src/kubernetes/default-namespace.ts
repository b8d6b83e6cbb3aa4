import { defineRule } from '../engine/rule';
import { getIn, nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { nameRange } from '../model/kubernetes/objects';
import { containerYaml } from '../model/kubernetes/examples';

/** Cluster-scoped kinds (no namespace) and objects that are not deployed resources. */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'PodSecurityPolicy', 'RuntimeClass', 'IngressClass', 'APIService', 'CSIDriver', 'VolumeSnapshotClass', 'CertificateSigningRequest', 'Kustomization', 'Component']);

export default defineRule({
  id: 'K8S053',
  name: 'default-namespace',
  target: 'kubernetes',
  category: 'hygiene',
  severity: 'info',
  title: 'Do not deploy into the default namespace',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['use-namespace'], checkov: ['CKV_K8S_21'], trivy: ['AVD-KSV-0110'], kics: ['611ab018-c4aa-4ba2-b0f6-a448337509a6'] },
  messages: {
    explicit: (object: string) => `${object} is placed in the default namespace.`,
    missing: (object: string) => `${object} sets no namespace, so it lands in the default namespace unless the deploy tool sets one.`,
  },
  docs: {
    summary: 'A namespaced object sets `metadata.namespace: default` or no namespace at all.',
    rationale: 'The default namespace is where everything without a home ends up; RBAC, NetworkPolicies, quotas and Pod Security labels are rarely tuned for it, and unrelated workloads share it. Many deploy tools (kubectl -n, kustomize, Helm) set the namespace outside the manifest, so this rule is off by default.',
    remediation: 'Set `metadata.namespace` to a dedicated namespace (or let your deploy tool set one and leave this rule off).',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml().replace('  name: p\n', '  name: p\n  namespace: shop\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (CLUSTER_SCOPED.has(o.kind) || o.kind.startsWith('Cluster')) return;
      const node = getIn(o.node, ['metadata', 'namespace']);
      if (o.namespace === 'default') ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'explicit', args: [objectLabel(o)] });
      else if (o.namespace === undefined && node === undefined) ctx.report({ at: nameRange(o), messageId: 'missing', args: [objectLabel(o)] });
    },
  },
});
