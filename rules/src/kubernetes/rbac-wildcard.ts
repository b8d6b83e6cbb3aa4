import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S064',
  name: 'rbac-wildcard',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not use wildcards in RBAC rules',
  fix: 'none',
  anchors: { kubeLinter: ['wildcard-in-rules'], checkov: ['CKV_K8S_49'], trivy: ['AVD-KSV-0044', 'AVD-KSV-0045', 'AVD-KSV-0046', 'AVD-KSV-0112'], kics: ['6b896afb-ca07-467a-b256-1a0077a1c08e'] },
  messages: {
    wildcard: (role: string, field: string) => `${role} uses '*' in ${field}.`,
  },
  docs: {
    summary: 'A Role or ClusterRole rule lists `*` in apiGroups, resources or verbs.',
    rationale: 'Wildcards grant everything that exists today and everything added later (new resources, CRDs, subresources such as pods/exec, verbs such as escalate), so the role silently grows. `*` on resources and verbs together is cluster-admin for the group.',
    remediation: 'List the API groups, resources and verbs the subject actually needs.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#minimize-use-of-wildcards'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'Role', 'rules:\n- apiGroups: [""]\n  resources: ["*"]\n  verbs: [get]\n')],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'Role', 'rules:\n- apiGroups: [""]\n  resources: [configmaps]\n  verbs: [get]\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        for (const [field, items] of [['apiGroups', rule.apiGroups], ['resources', rule.resources], ['verbs', rule.verbs]] as const) {
          for (const item of items) {
            if (item.value === '*') ctx.report({ at: nodeRange(o.file, item.node) ?? rule.verbsRange, messageId: 'wildcard', args: [objectLabel(o), field] });
          }
        }
      }
    },
  },
});
