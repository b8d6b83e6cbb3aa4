import { defineRule } from '../engine/rule';
import { reportLowId } from '../model/kubernetes/high-id';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S035',
  name: 'run-as-high-uid',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Run with a UID above 10000',
  fix: 'none',
  defaultOff: true,
  anchors: { checkov: ['CKV_K8S_40'], trivy: ['AVD-KSV-0020'], kubesec: ['RunAsUser'], kics: ['02323c00-cdc3-4fdc-a310-4f2b3e7a1660'] },
  messages: {
    low: (where: string, id: number) => `${where} runs with UID ${id}, which may overlap host users (use > 10000).`,
    unset: (container: string) => `${container} sets no runAsUser; the image decides the UID.`,
  },
  docs: {
    summary: 'The effective `runAsUser` of a container is 10000 or lower, or not set at all.',
    rationale: 'Low user ids exist in the host\'s user table; if a process escapes the container, it acts as that host user. A UID above 10000 is unlikely to match anything on the node. Not part of the Pod Security Standards; off by default (Checkov, Trivy and kubesec recommend it).',
    remediation: 'Set `securityContext.runAsUser` to a value above 10000 (for example 10001) and build the image to run with it.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: [containerYaml('securityContext:\n  runAsUser: 1000\n')],
      good: [containerYaml('securityContext:\n  runAsUser: 10001\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      reportLowId(c, ctx, 'runAsUser');
    },
  },
});
