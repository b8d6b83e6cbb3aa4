import { defineRule } from '../engine/rule';
import { mapGet } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { isBatch } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S046',
  name: 'liveness-probe-missing',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'info',
  title: 'Containers should define a liveness probe',
  fix: 'none',
  anchors: { kubeLinter: ['no-liveness-probe'], checkov: ['CKV_K8S_8'], polaris: ['livenessProbeMissing'], kics: ['ade74944-a674-4e00-859e-c6eab5bde441'] },
  messages: {
    missing: (container: string) => `${container} has no livenessProbe.`,
  },
  docs: {
    summary: 'A long-running container (not in a Job or CronJob, not an init or ephemeral container) has no `livenessProbe`.',
    rationale: 'Without a liveness probe a hung process (deadlock, exhausted thread pool) keeps its pod Running forever; the kubelet only restarts containers that exit. Jobs and CronJobs are skipped (their pods run to completion), as Checkov does.',
    remediation: 'Add a `livenessProbe` (httpGet, tcpSocket, grpc or exec) that checks the application itself.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (c.type !== 'container' || c.partial || isBatch(c.workload)) return;
      if (mapGet(c.node, 'livenessProbe') !== undefined) return;
      ctx.report({ at: c.range, messageId: 'missing', args: [containerLabel(c)] });
    },
  },
});
