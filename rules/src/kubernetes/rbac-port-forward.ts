import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = '';
const RESOURCES = ['pods/portforward'];
const VERBS = ['create', 'get'];

export default defineRule({
  id: 'K8S072',
  name: 'rbac-port-forward',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Roles should not allow port-forwarding',
  fix: 'none',
  anchors: { kics: ['38fa11ef-dbcc-4da8-9680-7e1fd855b6fb'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on pods/portforward.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants create on `pods/portforward`.",
    rationale: "Port-forwarding opens a tunnel from the subject's machine straight into a pod, bypassing Services, Ingress authentication and NetworkPolicies: internal admin ports and databases become reachable.",
    remediation: "Remove pods/portforward from the rule; grant it temporarily to people who debug.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [pods/portforward]\n  verbs: [create]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get]\n")],
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
