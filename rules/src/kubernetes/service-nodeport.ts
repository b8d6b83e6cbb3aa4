import { defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isCoreService } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S057',
  name: 'service-nodeport',
  target: 'kubernetes',
  category: 'network',
  severity: 'info',
  title: 'Avoid NodePort Services',
  fix: 'none',
  anchors: { kubeLinter: ['exposed-services'], kics: ['845acfbe-3e10-4b8e-b656-3b404d36dfb2'] },
  messages: {
    nodePort: (service: string) => `${service} is of type NodePort and opens a port on every node.`,
  },
  docs: {
    summary: 'A Service has `type: NodePort`.',
    rationale: 'A NodePort Service listens on every node\'s IP addresses, outside the cluster network, and is easy to expose to networks it was not meant for; node ports also bypass many ingress controls. Prefer ClusterIP behind an Ingress or a LoadBalancer you control.',
    remediation: 'Use `type: ClusterIP` and expose the application through an Ingress or Gateway.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport'],
    examples: {
      bad: [objectYaml('v1', 'Service', 'spec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80}]\n')],
      good: [objectYaml('v1', 'Service', 'spec:\n  type: ClusterIP\n  selector: {app: web}\n  ports: [{port: 80}]\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isCoreService(o)) return;
      const node = getIn(o.node, ['spec', 'type']);
      if (stringValue(node) === 'NodePort') ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'nodePort', args: [objectLabel(o)] });
    },
  },
});
