import { defineRule } from '../engine/rule';
import { reportLowId } from '../model/kubernetes/high-id';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S036',
  name: 'run-as-high-gid',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Run with a GID above 10000',
  fix: 'none',
  defaultOff: true,
  anchors: { trivy: ['AVD-KSV-0021'], kubesec: ['RunAsGroup'] },
  messages: {
    low: (where: string, id: number) => `${where} runs with GID ${id}, which may overlap host groups (use > 10000).`,
    unset: (container: string) => `${container} sets no runAsGroup; the image decides the GID.`,
  },
  docs: {
    summary: 'The effective `runAsGroup` of a container is 10000 or lower, or not set at all.',
    rationale: 'Low group ids exist in the host\'s group table; if a process escapes the container, it acts as that host group. A GID above 10000 is unlikely to match anything on the node. Not part of the Pod Security Standards; off by default (Checkov, Trivy and kubesec recommend it).',
    remediation: 'Set `securityContext.runAsGroup` to a value above 10000 (for example 10001) and build the image to run with it.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: [containerYaml('securityContext:\n  runAsGroup: 1000\n')],
      good: [containerYaml('securityContext:\n  runAsGroup: 10001\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportLowId(c, ctx, 'runAsGroup');
    },
  },
});
