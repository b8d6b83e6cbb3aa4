import { defineRule } from '../engine/rule';
import { reportMissingResource } from '../model/kubernetes/resources';

export default defineRule({
  id: 'K8S045',
  name: 'memory-requests-missing',
  target: 'kubernetes',
  category: 'resources',
  severity: 'info',
  title: 'Containers should set a memory request',
  fix: 'suggestion',
  anchors: {
    kubeLinter: ['unset-memory-requirements'],
    checkov: ['CKV_K8S_12'],
    trivy: ['AVD-KSV-0016'],
    polaris: ['memoryRequestsMissing'],
    kubesec: ['RequestsMemory'],
    kics: ['229588ef-8fde-40c8-8756-f4f2b5825ded'],
  },
  messages: {
    missing: (container: string) => `${container} has no resources.requests.memory.`,
  },
  docs: {
    summary: 'A container does not set `resources.requests.memory`.',
    rationale: 'Without a memory request the scheduler places the pod as if it needed no memory, which overcommits nodes and makes the pod an early eviction candidate under memory pressure. Patches (containers without an image) are not checked.',
    remediation: 'Set `resources.requests.memory` on every container to a value measured for the workload.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          cpu: 500m\n          memory: 256Mi\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportMissingResource(c, ctx, 'requests', 'memory');
    },
  },
});
