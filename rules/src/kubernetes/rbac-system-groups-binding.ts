import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isBinding, subjectsOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const GROUPS = new Set(['system:anonymous', 'system:unauthenticated', 'system:authenticated', 'system:masters']);

export default defineRule({
  id: 'K8S075',
  name: 'rbac-system-groups-binding',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not bind roles to anonymous, all-authenticated or system:masters subjects',
  fix: 'none',
  anchors: { trivy: ['AVD-KSV-0122', 'AVD-KSV-01011', 'AVD-KSV-0123'], kubesec: ['BindingsToSystemAnonymous'] },
  messages: {
    subject: (binding: string, subject: string) => `${binding} grants its role to '${subject}'.`,
  },
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding has system:anonymous, system:unauthenticated, system:authenticated or system:masters as a subject.',
    rationale: 'system:anonymous and system:unauthenticated are everyone who can reach the API server; system:authenticated is every identity the cluster accepts, which in many cloud setups includes any account of the cloud provider. Binding to system:masters is pointless (it bypasses RBAC) and hides who holds the role.',
    remediation: 'Bind the role to specific users, groups or service accounts instead.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: Group\n  name: system:unauthenticated\n  apiGroup: rbac.authorization.k8s.io\n')],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: Group\n  name: auditors\n  apiGroup: rbac.authorization.k8s.io\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isBinding(o)) return;
      for (const s of subjectsOf(o)) {
        if ((s.kind === 'Group' || s.kind === 'User') && s.name !== undefined && GROUPS.has(s.name)) ctx.report({ at: nodeRange(o.file, s.nameNode) ?? o.headRange, messageId: 'subject', args: [objectLabel(o), s.name] });
      }
    },
  },
});
