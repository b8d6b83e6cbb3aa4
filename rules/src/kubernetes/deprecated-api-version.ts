import { defineRule } from '../engine/rule';
import { mapGet, nodeRange } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { objectLabel } from '../model/kubernetes/workloads';
import { objectYaml } from '../model/kubernetes/examples';

/** Removed API versions per kind, with the replacement (undefined when there is none) and the release that removed it. */
const REMOVED: Readonly<Record<string, Readonly<Record<string, readonly [string | undefined, string]>>>> = {
  'extensions/v1beta1': { Deployment: ['apps/v1', '1.16'], DaemonSet: ['apps/v1', '1.16'], ReplicaSet: ['apps/v1', '1.16'], NetworkPolicy: ['networking.k8s.io/v1', '1.16'], PodSecurityPolicy: [undefined, '1.16'], Ingress: ['networking.k8s.io/v1', '1.22'] },
  'apps/v1beta1': { Deployment: ['apps/v1', '1.16'], StatefulSet: ['apps/v1', '1.16'], ReplicaSet: ['apps/v1', '1.16'], DaemonSet: ['apps/v1', '1.16'] },
  'apps/v1beta2': { Deployment: ['apps/v1', '1.16'], StatefulSet: ['apps/v1', '1.16'], ReplicaSet: ['apps/v1', '1.16'], DaemonSet: ['apps/v1', '1.16'] },
  'networking.k8s.io/v1beta1': { Ingress: ['networking.k8s.io/v1', '1.22'], IngressClass: ['networking.k8s.io/v1', '1.22'] },
  'batch/v1beta1': { CronJob: ['batch/v1', '1.25'] },
  'batch/v2alpha1': { CronJob: ['batch/v1', '1.21'] },
  'policy/v1beta1': { PodDisruptionBudget: ['policy/v1', '1.25'], PodSecurityPolicy: [undefined, '1.25'] },
  'rbac.authorization.k8s.io/v1beta1': { Role: ['rbac.authorization.k8s.io/v1', '1.22'], ClusterRole: ['rbac.authorization.k8s.io/v1', '1.22'], RoleBinding: ['rbac.authorization.k8s.io/v1', '1.22'], ClusterRoleBinding: ['rbac.authorization.k8s.io/v1', '1.22'] },
  'rbac.authorization.k8s.io/v1alpha1': { Role: ['rbac.authorization.k8s.io/v1', '1.22'], ClusterRole: ['rbac.authorization.k8s.io/v1', '1.22'], RoleBinding: ['rbac.authorization.k8s.io/v1', '1.22'], ClusterRoleBinding: ['rbac.authorization.k8s.io/v1', '1.22'] },
  'autoscaling/v2beta1': { HorizontalPodAutoscaler: ['autoscaling/v2', '1.25'] },
  'autoscaling/v2beta2': { HorizontalPodAutoscaler: ['autoscaling/v2', '1.26'] },
  'storage.k8s.io/v1beta1': { CSIDriver: ['storage.k8s.io/v1', '1.22'], CSINode: ['storage.k8s.io/v1', '1.22'], StorageClass: ['storage.k8s.io/v1', '1.22'], VolumeAttachment: ['storage.k8s.io/v1', '1.22'], CSIStorageCapacity: ['storage.k8s.io/v1', '1.27'] },
  'admissionregistration.k8s.io/v1beta1': { MutatingWebhookConfiguration: ['admissionregistration.k8s.io/v1', '1.22'], ValidatingWebhookConfiguration: ['admissionregistration.k8s.io/v1', '1.22'] },
  'apiextensions.k8s.io/v1beta1': { CustomResourceDefinition: ['apiextensions.k8s.io/v1', '1.22'] },
  'scheduling.k8s.io/v1beta1': { PriorityClass: ['scheduling.k8s.io/v1', '1.22'] },
  'discovery.k8s.io/v1beta1': { EndpointSlice: ['discovery.k8s.io/v1', '1.25'] },
  'node.k8s.io/v1beta1': { RuntimeClass: ['node.k8s.io/v1', '1.25'] },
  'flowcontrol.apiserver.k8s.io/v1beta2': { FlowSchema: ['flowcontrol.apiserver.k8s.io/v1', '1.29'], PriorityLevelConfiguration: ['flowcontrol.apiserver.k8s.io/v1', '1.29'] },
  'flowcontrol.apiserver.k8s.io/v1beta3': { FlowSchema: ['flowcontrol.apiserver.k8s.io/v1', '1.32'], PriorityLevelConfiguration: ['flowcontrol.apiserver.k8s.io/v1', '1.32'] },
};

export default defineRule({
  id: 'K8S081',
  name: 'deprecated-api-version',
  target: 'kubernetes',
  category: 'hygiene',
  severity: 'warning',
  title: 'Do not use removed API versions',
  fix: 'suggestion',
  anchors: { kubeLinter: ['no-extensions-v1beta'], trivy: ['AVD-KSV-0107'], kics: ['94b76ea5-e074-4ca2-8a03-c5a606e30645'] },
  messages: {
    removed: (object: string, apiVersion: string, since: string, replacement: string) => `${object} uses ${apiVersion}, removed in Kubernetes ${since}${replacement === '' ? ' with no replacement' : `; use ${replacement}`}.`,
  },
  docs: {
    summary: 'An object uses an `apiVersion` that current Kubernetes releases no longer serve (extensions/v1beta1, apps/v1beta2, batch/v1beta1, policy/v1beta1 …).',
    rationale: 'The API server rejects removed versions, so the manifest fails to apply on a current cluster, or it is silently skipped by tools and its security settings never take effect. PodSecurityPolicy (removed in 1.25) has no replacement object: use Pod Security admission labels on namespaces. Some replacements changed the schema (for example Ingress backends), so the fix is a suggestion.',
    remediation: 'Change `apiVersion` to the replacement and adjust any fields whose schema changed.',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
    examples: {
      bad: [objectYaml('batch/v1beta1', 'CronJob', 'spec:\n  schedule: "@daily"\n')],
      good: [objectYaml('batch/v1', 'CronJob', 'spec:\n  schedule: "@daily"\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      const entry = REMOVED[o.apiVersion]?.[o.kind];
      if (!entry) return;
      const [replacement, since] = entry;
      const node = mapGet(o.node, 'apiVersion');
      const edit = replacement ? replaceNode(o.file, node, replacement) : undefined;
      ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'removed', args: [objectLabel(o), o.apiVersion, since, replacement ?? ''], suggestions: edit && replacement ? [{ title: `Use ${replacement}`, edits: [edit] }] : [] });
    },
  },
});
