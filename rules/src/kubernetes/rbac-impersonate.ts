import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const VERBS = ['impersonate'];

export default defineRule({
  id: 'K8S070',
  name: 'rbac-impersonate',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Roles should not allow impersonation',
  fix: 'none',
  anchors: { checkov: ['CKV2_K8S_3'], trivy: ['AVD-KSV-0043'], kics: ['9f85c3f6-26fd-4007-938a-2e0cb0100980'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on users, groups or service accounts.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants the impersonate verb on users, groups, service accounts or user extras.",
    rationale: "Impersonation lets the subject send requests as another identity, for example as a member of system:masters; it is equivalent to holding the other identity's permissions.",
    remediation: "Remove the impersonate verb, or restrict it with resourceNames to specific low-privilege identities.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [users, groups]\n  verbs: [impersonate]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [serviceaccounts]\n  verbs: [get]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const verbs = [...new Set([...grants(rule, '', ['users', 'groups', 'serviceaccounts'], VERBS), ...grants(rule, 'authentication.k8s.io', ['userextras/*', 'uids'], VERBS)])];
        if (verbs.length > 0) ctx.report({ at: rule.verbsRange, messageId: 'grant', args: [objectLabel(o), verbs.join(', ')] });
      }
    },
  },
});
