import { defineRule } from '../engine/rule';
import { mapGet, seqItems } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isIngress, nameRange } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S060',
  name: 'ingress-no-tls',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Ingresses should terminate TLS',
  fix: 'none',
  anchors: { polaris: ['tlsSettingsMissing'] },
  messages: {
    noTls: (ingress: string) => `${ingress} has no spec.tls: its hosts are served over plain HTTP.`,
  },
  docs: {
    summary: 'An Ingress has no `spec.tls` entries.',
    rationale: 'Without TLS, credentials, cookies and data travel in clear text between clients and the ingress controller and can be read or modified on the way. Terminating TLS at the Ingress costs one Secret (or a cert-manager annotation).',
    remediation: 'Add `spec.tls` with the hosts and a `secretName` holding the certificate (cert-manager can create it).',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
    examples: {
      bad: [objectYaml('networking.k8s.io/v1', 'Ingress', 'spec:\n  rules:\n    - host: app.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {service: {name: web, port: {number: 80}}}\n')],
      good: [objectYaml('networking.k8s.io/v1', 'Ingress', 'spec:\n  tls:\n    - hosts: [app.example.com]\n      secretName: app-tls\n  rules:\n    - host: app.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {service: {name: web, port: {number: 80}}}\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isIngress(o)) return;
      const spec = mapGet(o.node, 'spec');
      if (spec === undefined || seqItems(mapGet(spec, 'tls')).length > 0) return;
      ctx.report({ at: nameRange(o), messageId: 'noTls', args: [objectLabel(o)] });
    },
  },
});
