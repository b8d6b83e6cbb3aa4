import { defineRule } from '../engine/rule';
import { objectLabel, WORKLOAD_KINDS } from '../model/kubernetes/workloads';
import { nameRange } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S063',
  name: 'namespace-limitrange-quota',
  target: 'kubernetes',
  category: 'resources',
  severity: 'info',
  title: 'Namespaces should have a LimitRange and a ResourceQuota',
  fix: 'none',
  defaultOff: true,
  anchors: { trivy: ['AVD-KSV-0039', 'AVD-KSV-0040'] },
  messages: {
    missing: (namespace: string, what: string) => `${namespace} is defined here without a ${what} in the same file.`,
  },
  docs: {
    summary: 'A file defines a Namespace (and possibly its workloads) but no LimitRange or no ResourceQuota for it.',
    rationale: 'A ResourceQuota caps what one namespace can consume, and a LimitRange gives every container default requests and limits; without them one team or one compromised workload can exhaust the cluster. Only files that define the Namespace object are judged, and the rule is off by default because quotas are often managed elsewhere.',
    remediation: 'Add a LimitRange and a ResourceQuota for the namespace next to its definition.',
    references: ['https://kubernetes.io/docs/concepts/policy/resource-quotas/', 'https://kubernetes.io/docs/concepts/policy/limit-range/'],
    examples: {
      bad: [objectYaml('v1', 'Namespace', '', 'name: shop\n')],
      good: [`${objectYaml('v1', 'Namespace', '', 'name: shop\n')}---\n${objectYaml('v1', 'LimitRange', 'spec:\n  limits: [{type: Container, default: {memory: 256Mi}}]\n', 'name: l\nnamespace: shop\n')}---\n${objectYaml('v1', 'ResourceQuota', 'spec:\n  hard: {requests.memory: 8Gi}\n', 'name: q\nnamespace: shop\n')}`],
    },
  },
  hooks: {
    onEnd(ctx) {
      for (const ns of ctx.objects) {
        if (ns.kind !== 'Namespace' || ns.name === undefined) continue;
        const inNs = ctx.objects.filter((o) => o.namespace === ns.name);
        if (inNs.length > 0 && !inNs.some((o) => WORKLOAD_KINDS.includes(o.kind) || o.kind === 'LimitRange' || o.kind === 'ResourceQuota')) continue;
        for (const what of ['LimitRange', 'ResourceQuota']) {
          if (!inNs.some((o) => o.kind === what)) ctx.report({ at: nameRange(ns), messageId: 'missing', args: [objectLabel(ns), what] });
        }
      }
    },
  },
});
