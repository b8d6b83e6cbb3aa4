import { defineRule } from '../engine/rule';
import { mapGet } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { isBatch } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S047',
  name: 'readiness-probe-missing',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'info',
  title: 'Containers should define a readiness probe',
  fix: 'none',
  anchors: { kubeLinter: ['no-readiness-probe'], checkov: ['CKV_K8S_9'], polaris: ['readinessProbeMissing'], kics: ['a659f3b5-9bf0-438a-bd9a-7d3a6427f1e3'] },
  messages: {
    missing: (container: string) => `${container} has no readinessProbe.`,
  },
  docs: {
    summary: 'A long-running container (not in a Job or CronJob, not an init or ephemeral container) has no `readinessProbe`.',
    rationale: 'Without a readiness probe a pod receives Service traffic as soon as it starts, before it can answer, and keeps receiving it while it is overloaded or failing. Jobs and CronJobs are skipped (their pods run to completion), as Checkov does.',
    remediation: 'Add a `readinessProbe` (httpGet, tcpSocket, grpc or exec) that checks the application itself.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('readinessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (c.type !== 'container' || c.partial || isBatch(c.workload)) return;
      if (mapGet(c.node, 'readinessProbe') !== undefined) return;
      ctx.report({ at: c.range, messageId: 'missing', args: [containerLabel(c)] });
    },
  },
});
