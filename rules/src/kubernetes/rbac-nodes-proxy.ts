import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = '';
const RESOURCES = ['nodes/proxy'];
const VERBS = ['get', 'create', 'update', 'patch', 'delete', 'list', 'watch', 'connect'];

export default defineRule({
  id: 'K8S071',
  name: 'rbac-nodes-proxy',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Roles should not access nodes/proxy',
  fix: 'none',
  anchors: { checkov: ['CKV2_K8S_2'], trivy: ['AVD-KSV-0047'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on nodes/proxy.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants any verb on `nodes/proxy`.",
    rationale: "nodes/proxy reaches the kubelet API through the API server: the subject can exec into any pod on the node and read its logs and environment, bypassing the audit trail and admission control that apply to pods/exec.",
    remediation: "Remove nodes/proxy; monitoring agents can use nodes/metrics or nodes/stats instead.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [nodes/proxy]\n  verbs: [get]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [nodes/metrics]\n  verbs: [get]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const verbs = grants(rule, GROUP, RESOURCES, VERBS);
        if (verbs.length > 0) ctx.report({ at: rule.resourcesRange, messageId: 'grant', args: [objectLabel(o), verbs.join(', ')] });
      }
    },
  },
});
