import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange, pairOf } from '../model/yaml/documents';
import { removeKey } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { portsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S023',
  name: 'host-port',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Do not bind container ports to host ports',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:hostPorts'],
    checkov: ['CKV_K8S_26'],
    trivy: ['AVD-KSV-0024'],
    polaris: ['hostPortSet'],
    kics: ['2b1836f1-dcce-416e-8e16-da8c71920633'],
  },
  messages: {
    hostPort: (container: string, port: number) => `${container} binds host port ${port}.`,
  },
  docs: {
    summary: 'A container port sets a non-zero `hostPort`.',
    rationale: 'A hostPort opens the port on the node\'s own network interfaces, bypassing Services and usually NetworkPolicies, and limits scheduling to one such pod per node. The baseline Pod Security Standard allows only 0 or unset. (KICS calls this query "workload host port not specified", but it fires when a hostPort is set.)',
    remediation: 'Remove `hostPort` and expose the pod through a Service (ClusterIP, or a LoadBalancer/Ingress for outside traffic).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('ports:\n  - containerPort: 8080\n    hostPort: 8080\n')],
      good: [containerYaml('ports:\n  - containerPort: 8080\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const file = c.workload.object.file;
      for (const p of portsOf(c)) {
        if (p.hostPort === undefined || p.hostPort === 0) continue;
        ctx.report({ at: nodeRange(file, pairOf(p.node, 'hostPort')) ?? c.range, messageId: 'hostPort', args: [containerLabel(c), p.hostPort], fixes: lazySuggestion('Remove hostPort', () => removeKey(file, p.node, 'hostPort')) });
      }
    },
  },
});
