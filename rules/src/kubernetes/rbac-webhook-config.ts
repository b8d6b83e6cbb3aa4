import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = 'admissionregistration.k8s.io';
const RESOURCES = ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'];
const VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];

export default defineRule({
  id: 'K8S073',
  name: 'rbac-webhook-config',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Roles should not manage admission webhooks',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_155'], trivy: ['AVD-KSV-0114'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} can ${verbs} admission webhook configurations.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants create, update, patch or delete on validating or mutating webhook configurations.",
    rationale: "A mutating webhook sees and can rewrite every object sent to the API server (injecting containers, reading Secrets); deleting a validating webhook switches off policy enforcement. Managing webhooks is a cluster-admin level right.",
    remediation: "Keep webhook configuration management for administrators and the operators that own the webhooks.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [create, patch]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: [validatingwebhookconfigurations]\n  verbs: [get, list]\n")],
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
