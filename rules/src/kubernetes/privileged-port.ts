import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { portsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S039',
  name: 'privileged-port',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Listen on ports of 1024 and above',
  fix: 'none',
  defaultOff: true,
  anchors: { kubeLinter: ['privileged-ports'], trivy: ['AVD-KSV-0117'] },
  messages: {
    port: (container: string, port: number) => `${container} listens on privileged port ${port}.`,
  },
  docs: {
    summary: 'A container declares a `containerPort` below 1024.',
    rationale: 'Binding a port below 1024 needs root or NET_BIND_SERVICE, which works against running as non-root with all capabilities dropped. Listening on a high port and mapping it in the Service keeps the container unprivileged.',
    remediation: 'Make the process listen on a port of 1024 or above and map the public port in the Service (`port: 80`, `targetPort: 8080`).',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
    examples: {
      bad: [containerYaml('ports:\n  - containerPort: 80\n')],
      good: [containerYaml('ports:\n  - containerPort: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      for (const p of portsOf(c)) {
        if (p.containerPort === undefined || p.containerPort <= 0 || p.containerPort >= 1024) continue;
        ctx.report({ at: nodeRange(c.workload.object.file, p.containerPortNode) ?? c.range, messageId: 'port', args: [containerLabel(c), p.containerPort] });
      }
    },
  },
});
