import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = 'rbac.authorization.k8s.io';
const RESOURCES = ['roles', 'clusterroles'];
const VERBS = ['escalate', 'bind'];

export default defineRule({
  id: 'K8S069',
  name: 'rbac-escalate-bind',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Roles should not allow the escalate or bind verbs',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_157', 'CKV_K8S_158', 'CKV2_K8S_1'], trivy: ['AVD-KSV-0050', 'AVD-KSV-0051', 'AVD-KSV-0052', 'AVD-KSV-0055'], kics: ['8320826e-7a9c-4b0b-9535-578333193432'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on roles.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants escalate or bind on roles or clusterroles.",
    rationale: "RBAC normally stops a subject from granting permissions it does not hold. escalate lifts that check for editing roles and bind lifts it for creating bindings: with either, the subject can give itself any permission, up to cluster-admin. Creating bindings alone is not reported, because RBAC still checks that the creator holds the bound permissions.",
    remediation: "Remove escalate and bind; keep them for administrators and the controllers that manage RBAC.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [bind]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [rbac.authorization.k8s.io]\n  resources: [roles]\n  verbs: [get, list]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const verbs = grants(rule, GROUP, RESOURCES, VERBS);
        if (verbs.length > 0) ctx.report({ at: rule.verbsRange, messageId: 'grant', args: [objectLabel(o), verbs.join(', ')] });
      }
    },
  },
});
