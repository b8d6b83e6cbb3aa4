import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { annotationsOf, isIngress } from '../model/kubernetes/objects';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S061',
  name: 'ingress-nginx-snippets',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not use ingress-nginx snippet annotations',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_152', 'CKV_K8S_153', 'CKV_K8S_154'] },
  messages: {
    snippet: (ingress: string, key: string) => `${ingress} uses the snippet annotation '${key}'.`,
  },
  docs: {
    summary: 'An Ingress uses an ingress-nginx `*-snippet` annotation (configuration-snippet, server-snippet, auth-snippet …).',
    rationale: 'Snippets are pasted verbatim into the controller\'s NGINX configuration. Anyone who can create an Ingress can then run Lua or read files in the controller pod, which holds the service account token that can read every Secret in the cluster (CVE-2021-25742, CVE-2025-1974 family). Recent ingress-nginx versions disable snippets by default.',
    remediation: 'Remove the snippet annotation and use the dedicated ingress-nginx annotations, or move the configuration into the controller\'s ConfigMap managed by administrators.',
    references: ['https://github.com/kubernetes/ingress-nginx/issues/7837'],
    examples: {
      bad: [objectYaml('networking.k8s.io/v1', 'Ingress', 'spec:\n  tls: [{hosts: [a.example.com], secretName: t}]\n', 'name: x\nannotations:\n  nginx.ingress.kubernetes.io/configuration-snippet: |\n    more_set_headers "X: y";\n')],
      good: [objectYaml('networking.k8s.io/v1', 'Ingress', 'spec:\n  tls: [{hosts: [a.example.com], secretName: t}]\n', 'name: x\nannotations:\n  nginx.ingress.kubernetes.io/ssl-redirect: "true"\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isIngress(o)) return;
      for (const a of annotationsOf(o)) {
        if (!/^nginx\.ingress\.kubernetes\.io\/[a-z-]*snippets?$/.test(a.key)) continue;
        ctx.report({ at: nodeRange(o.file, a.keyNode) ?? o.headRange, messageId: 'snippet', args: [objectLabel(o), a.key] });
      }
    },
  },
});
