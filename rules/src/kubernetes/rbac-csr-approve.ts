import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { grants, policyRulesOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUP = 'certificates.k8s.io';
const RESOURCES = ['certificatesigningrequests/approval', 'signers'];
const VERBS = ['update', 'patch', 'approve'];

export default defineRule({
  id: 'K8S074',
  name: 'rbac-csr-approve',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Roles should not approve certificate signing requests',
  fix: 'none',
  anchors: { checkov: ['CKV_K8S_156'] },
  messages: {
    grant: (role: string, verbs: string) => `${role} can ${verbs} certificate signing requests.`,
  },
  docs: {
    summary: "A Role or ClusterRole grants update or patch on `certificatesigningrequests/approval`, or approve on signers.",
    rationale: "Approving CSRs lets the subject obtain client certificates signed by the cluster CA, for example for a node or for a user in system:masters, which the API server then trusts.",
    remediation: "Leave CSR approval to the controller manager and administrators.",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests/approval]\n  verbs: [update]\n")],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRole', "rules:\n- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests]\n  verbs: [get, create]\n")],
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
