import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { policyRulesOf, readsSecrets } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S065',
  name: 'rbac-secrets-access',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Roles should not read Secrets',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-0041', 'AVD-KSV-0113'], kics: ['b7bca5c4-1dab-4c2c-8cbe-3050b9d59b14'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} grants ${verbs} on secrets.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants get, list or watch on Secrets (directly or through `*`).",
    rationale: "Reading Secrets gives access to every credential in scope: database passwords, TLS keys and service account tokens of more powerful accounts. list and watch return the values of all Secrets at once. Grant it only to the few controllers that need it, ideally restricted with resourceNames. This rule points at the role rule to change, whether or not the role is bound; K8S100 reports the bindings that hand the access to subjects.",
    remediation: "Remove secrets from the rule, or restrict it with `resourceNames` to the specific Secrets the subject needs.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [secrets]\n  verbs: [get, list]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [\"\"]\n  resources: [configmaps]\n  verbs: [get]\n")],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        const access = readsSecrets(rule);
        if (access) ctx.report({ at: rule.verbsRange, messageId: 'grant', args: [objectLabel(o), access.verbs.join(', ')] });
      }
    },
  },
});
