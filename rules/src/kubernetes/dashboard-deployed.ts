import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S079',
  name: 'dashboard-deployed',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Avoid deploying the Kubernetes Dashboard',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_33'], kics: ['d2ad057f-0928-41ef-a83c-f59203bb855b'] },
  messages: {
    dashboard: (container: string, image: string) => `${container} runs the Kubernetes Dashboard (${image}).`,
  },
  docs: {
    summary: 'A container runs the Kubernetes Dashboard image.',
    rationale: 'The Dashboard is a web UI with API access; exposed or given a powerful service account, it has been a common entry point into clusters (the 2018 Tesla cryptojacking incident). If it is not needed, do not deploy it; if it is, keep it internal and with minimal RBAC.',
    remediation: 'Remove the Dashboard, or run it without extra privileges behind authenticated access (kubectl proxy or an authenticating ingress).',
    references: ['https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/'],
    examples: {
      bad: [containerYaml().replace('nginx:1.27.2', 'kubernetesui/dashboard:v2.7.0')],
      good: [containerYaml()],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const image = c.image ?? '';
      if (!/kubernetes-dashboard|kubernetesui/.test(image)) return;
      ctx.report({ at: nodeRange(c.workload.object.file, c.imageNode) ?? c.range, messageId: 'dashboard', args: [containerLabel(c), image] });
    },
  },
});
