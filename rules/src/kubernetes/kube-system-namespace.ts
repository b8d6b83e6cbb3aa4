import { defineRule } from '../engine/rule';
import { getIn, nodeRange } from '../model/yaml/documents';
import { objectLabel, WORKLOAD_KINDS } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export default defineRule({
  id: 'K8S054',
  name: 'kube-system-namespace',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Do not deploy workloads into system namespaces',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-0037'], kics: ['611ab018-c4aa-4ba2-b0f6-a448337509a6'] },
  messages: {
    system: (workload: string, ns: string) => `${workload} runs in the system namespace '${ns}'.`,
  },
  docs: {
    summary: 'A workload is placed in kube-system, kube-public or kube-node-lease.',
    rationale: 'System namespaces hold the control-plane add-ons and their highly privileged service accounts and secrets; a workload there can often read them, and clusters exempt these namespaces from Pod Security admission. Only cluster components belong there.',
    remediation: 'Move the workload to its own namespace.',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces'],
    examples: {
      bad: [containerYaml().replace('  name: p\n', '  name: p\n  namespace: kube-system\n')],
      good: [containerYaml().replace('  name: p\n', '  name: p\n  namespace: shop\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      const ns = o.namespace;
      if (ns === undefined || !SYSTEM.has(ns) || !WORKLOAD_KINDS.includes(o.kind)) return;
      ctx.report({ at: nodeRange(o.file, getIn(o.node, ['metadata', 'namespace'])) ?? o.headRange, messageId: 'system', args: [objectLabel(o), ns] });
    },
  },
});
