import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf, type PolicyRule } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const MANAGE = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** Other sensitive grants: [what, check]. */
const CHECKS: readonly [string, (r: PolicyRule) => string[]][] = [
  ['configmaps', (r) => grants(r, '', ['configmaps'], MANAGE)],
  ['network policies', (r) => grants(r, 'networking.k8s.io', ['networkpolicies'], MANAGE)],
  ['pod logs', (r) => grants(r, '', ['pods/log'], ['delete', 'deletecollection'])],
  ['services/status', (r) => grants(r, '', ['services/status'], ['update', 'patch'])],
  ['the aws-auth ConfigMap', (r) => (r.resourceNames.some((n) => n.value === 'aws-auth') ? grants(r, '', ['configmaps'], ['update', 'patch']) : [])],
];

export default defineRule({
  id: 'K8S076',
  name: 'rbac-misc-sensitive',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'info',
  title: 'Review other sensitive RBAC grants',
  fix: 'none',
  anchors: { checkov: ['CKV2_K8S_4'], trivy: ['AVD-KSV-0042', 'AVD-KSV-0049', 'AVD-KSV-0056', 'AVD-KSV-0115'] },
  messages: {
    grant: (role: string, verbs: string, what: string) => `${role} can ${verbs} ${what}.`,
  },
  docs: {
    summary: 'A Role or ClusterRole can modify configmaps or network policies, delete pod logs, update services/status, or edit the EKS aws-auth ConfigMap.',
    rationale: 'Each of these is a quieter path to more access: configmaps often feed configuration and scripts into privileged components (aws-auth maps IAM identities to Kubernetes groups), network policies are the cluster\'s firewall, deleting logs hides activity, and services/status lets a subject set a load balancer IP that others will trust (CVE-2020-8554).',
    remediation: 'Grant these verbs only to the controllers and administrators that need them.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'Role', 'rules:\n- apiGroups: [networking.k8s.io]\n  resources: [networkpolicies]\n  verbs: [delete]\n')],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'Role', 'rules:\n- apiGroups: [networking.k8s.io]\n  resources: [networkpolicies]\n  verbs: [get, list]\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      for (const rule of policyRulesOf(o)) {
        for (const [what, check] of CHECKS) {
          const verbs = check(rule);
          if (verbs.length > 0) ctx.report({ at: rule.verbsRange, messageId: 'grant', args: [objectLabel(o), verbs.join(', '), what] });
        }
      }
    },
  },
});
