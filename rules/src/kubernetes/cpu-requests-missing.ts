import { defineRule } from '../engine/rule';
import { reportMissingResource } from '../model/kubernetes/resources';

export default defineRule({
  id: 'K8S044',
  name: 'cpu-requests-missing',
  target: 'kubernetes',
  category: 'resources',
  severity: 'info',
  title: 'Containers should set a CPU request',
  fix: 'suggestion',
  anchors: {
    kubeLinter: ['unset-cpu-requirements'],
    checkov: ['CKV_K8S_10'],
    trivy: ['AVD-KSV-0015'],
    polaris: ['cpuRequestsMissing'],
    kubesec: ['RequestsCPU'],
    kics: ['ca469dd4-c736-448f-8ac1-30a642705e0a'],
  },
  messages: {
    missing: (container: string) => `${container} has no resources.requests.cpu.`,
  },
  docs: {
    summary: 'A container does not set `resources.requests.cpu`.',
    rationale: 'Without a CPU request the scheduler assumes the pod needs no CPU, so nodes get overcommitted and the container gets the smallest share under contention. Patches (containers without an image) are not checked.',
    remediation: 'Set `resources.requests.cpu` on every container to a value measured for the workload.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          cpu: 500m\n          memory: 256Mi\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportMissingResource(c, ctx, 'requests', 'cpu');
    },
  },
});
