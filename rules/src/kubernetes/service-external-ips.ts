import { lazySuggestion, defineRule } from '../engine/rule';
import { keyRange, mapGet } from '../model/yaml/documents';
import { removeKey } from '../model/yaml/edits';
import { objectLabel } from '../model/kubernetes/workloads';
import { isCoreService } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S059',
  name: 'service-external-ips',
  target: 'kubernetes',
  category: 'network',
  severity: 'error',
  title: 'Do not set externalIPs on Services',
  fix: 'suggestion',
  anchors: { trivy: ['AVD-KSV-0108'] },
  messages: {
    externalIps: (service: string) => `${service} sets spec.externalIPs.`,
  },
  docs: {
    summary: 'A Service sets `spec.externalIPs`.',
    rationale: 'Any user who can create or edit a Service can claim an arbitrary external IP and intercept traffic that cluster nodes send to it (CVE-2020-8554, a design flaw with no patch). Clusters should block the field with the DenyServiceExternalIPs admission plugin; manifests should not use it.',
    remediation: 'Remove `externalIPs`; use a LoadBalancer Service or an Ingress to receive outside traffic.',
    references: ['https://github.com/kubernetes/kubernetes/issues/97076'],
    examples: {
      bad: [objectYaml('v1', 'Service', 'spec:\n  externalIPs: [203.0.113.10]\n  ports: [{port: 80}]\n')],
      good: [objectYaml('v1', 'Service', 'spec:\n  ports: [{port: 80}]\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isCoreService(o)) return;
      const spec = mapGet(o.node, 'spec');
      const at = keyRange(o.file, spec, 'externalIPs');
      if (!at) return;
      ctx.report({ at, messageId: 'externalIps', args: [objectLabel(o)], fixes: lazySuggestion('Remove externalIPs', () => removeKey(o.file, spec, 'externalIPs')) });
    },
  },
});
