import { defineRule } from '../engine/rule';
import { keyRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S038',
  name: 'host-aliases',
  target: 'kubernetes',
  category: 'network',
  severity: 'info',
  title: 'Avoid hostAliases',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-0007'], kubesec: ['HostAliases'] },
  messages: {
    hostAliases: (workload: string) => `${workload} rewrites /etc/hosts with hostAliases.`,
  },
  docs: {
    summary: 'The pod spec sets `hostAliases`.',
    rationale: 'hostAliases write entries into the pod\'s /etc/hosts, overriding DNS for those names. A manifest change can then silently redirect traffic for a trusted name (a registry, an API) to another address, and the override is easy to miss in review.',
    remediation: 'Remove `hostAliases` and publish the names in DNS (a Service, an ExternalName Service or the cluster DNS configuration).',
    references: ['https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/'],
    examples: {
      bad: [containerYaml('', 'hostAliases:\n  - ip: 10.0.0.5\n    hostnames: [registry.example.com]\n')],
      good: [containerYaml()],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const at = keyRange(w.object.file, w.podSpec, 'hostAliases');
      if (at) ctx.report({ at, messageId: 'hostAliases', args: [objectLabel(w.object)] });
    },
  },
});
