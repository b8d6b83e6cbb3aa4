import { defineRule } from '../engine/rule';
import { reportMissingResource } from '../model/kubernetes/resources';

export default defineRule({
  id: 'K8S014',
  name: 'cpu-limits-missing',
  target: 'kubernetes',
  category: 'resources',
  severity: 'warning',
  title: 'Containers should set a CPU limit',
  fix: 'suggestion',
  anchors: {
    kubeLinter: ['unset-cpu-requirements'],
    checkov: ['CKV_K8S_11'],
    trivy: ['AVD-KSV-0011'],
    polaris: ['cpuLimitsMissing'],
    kubesec: ['LimitsCPU'],
    kics: ['4ac0e2b7-d2d2-4af7-8799-e8de6721ccda'],
  },
  messages: {
    missing: (container: string) => `${container} has no resources.limits.cpu.`,
  },
  docs: {
    summary: 'A container does not set `resources.limits.cpu`.',
    rationale: 'Without a CPU limit one busy or compromised container (a crypto miner, a runaway loop) can starve every other workload on the node. Patches (containers without an image) are not checked.',
    remediation: 'Set `resources.limits.cpu` on every container to a value measured for the workload.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          cpu: 500m\n          memory: 256Mi\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportMissingResource(c, ctx, 'limits', 'cpu');
    },
  },
});
