import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { portsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S040',
  name: 'ssh-port',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Do not expose SSH (port 22) from containers',
  fix: 'none',
  anchors: { kubeLinter: ['ssh-port'] },
  messages: {
    ssh: (container: string) => `${container} exposes port 22 (SSH).`,
  },
  docs: {
    summary: 'A container declares `containerPort: 22`.',
    rationale: 'An SSH server inside a container is an extra long-lived credential and an unmanaged way in, bypassing the audit trail of `kubectl exec`. It usually means the container is treated like a VM.',
    remediation: 'Remove the SSH server and port; use `kubectl exec` or ephemeral debug containers for access.',
    references: ['https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container'],
    examples: {
      bad: [containerYaml('ports:\n  - containerPort: 22\n')],
      good: [containerYaml('ports:\n  - containerPort: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      for (const p of portsOf(c)) {
        if (p.containerPort === 22) ctx.report({ at: nodeRange(c.workload.object.file, p.containerPortNode) ?? c.range, messageId: 'ssh', args: [containerLabel(c)] });
      }
    },
  },
});
