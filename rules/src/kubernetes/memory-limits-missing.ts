import { defineRule } from '../engine/rule';
import { reportMissingResource } from '../model/kubernetes/resources';

export default defineRule({
  id: 'K8S013',
  name: 'memory-limits-missing',
  target: 'kubernetes',
  category: 'resources',
  severity: 'warning',
  title: 'Containers should set a memory limit',
  fix: 'suggestion',
  anchors: {
    kubeLinter: ['unset-memory-requirements'],
    checkov: ['CKV_K8S_13'],
    trivy: ['AVD-KSV-0018'],
    polaris: ['memoryLimitsMissing'],
    kubesec: ['LimitsMemory'],
    kics: ['b14d1bc4-a208-45db-92f0-e21f8e2588e9'],
  },
  messages: {
    missing: (container: string) => `${container} has no resources.limits.memory.`,
  },
  docs: {
    summary: 'A container does not set `resources.limits.memory`.',
    rationale: 'Without a memory limit a leaking or compromised container can use all memory of the node, and the kernel OOM killer then picks other pods as victims. A limit bounds the damage to the container itself. Patches (containers without an image) are not checked.',
    remediation: 'Set `resources.limits.memory` on every container to a value measured for the workload.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          cpu: 500m\n          memory: 256Mi\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportMissingResource(c, ctx, 'limits', 'memory');
    },
  },
});
