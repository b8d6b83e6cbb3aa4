import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { isBinding, roleRefOf } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S066',
  name: 'rbac-cluster-admin-binding',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not bind subjects to cluster-admin',
  fix: 'none',
  anchors: { kubeLinter: ['cluster-admin-role-binding'], trivy: ['AVD-KSV-0111'], polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'], kics: ['249328b8-5f0f-409f-b1dd-029f07882e11'] },
  messages: {
    clusterAdmin: (binding: string) => `${binding} grants the cluster-admin role.`,
  },
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding references the `cluster-admin` ClusterRole.',
    rationale: 'cluster-admin allows every action on every resource; in a ClusterRoleBinding it covers the whole cluster, in a RoleBinding the whole namespace including its Secrets and RBAC. A compromised subject with it owns the cluster (or namespace).',
    remediation: 'Bind a role with only the permissions the subject needs.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    examples: {
      bad: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: ServiceAccount\n  name: ci\n  namespace: build\n')],
      good: [objectYaml('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: ci\n  namespace: build\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (!isBinding(o)) return;
      const ref = roleRefOf(o);
      if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') ctx.report({ at: nodeRange(o.file, ref.nameNode) ?? o.headRange, messageId: 'clusterAdmin', args: [objectLabel(o)] });
    },
  },
});
