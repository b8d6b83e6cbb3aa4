import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { bindingAt, bindingScope, boundAccess, boundRoleLabel, createsPods, POD_CREATOR_RESOURCES, roleTargetOf, rolesVisibleFrom, subjectsLabel } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

/** The resources granted, or a summary when it is all of them (wildcards, built-in roles). */
function resourcesLabel(resources: readonly string[]): string {
  return resources.length >= POD_CREATOR_RESOURCES.size ? 'pods and every workload kind' : resources.join(', ');
}

const RBAC = 'rbac.authorization.k8s.io/v1';
const BINDING = 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: deployer\nsubjects:\n- kind: ServiceAccount\n  name: ci\n  namespace: build\n';

export default defineRule({
  id: 'K8S101',
  name: 'rbac-binding-create-pods',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Bindings should not let subjects create pods or workloads',
  fix: 'none',
  anchors: { kubeLinter: ['access-to-create-pods'] },
  messages: {
    grant: (binding: string, subjects: string, resources: string, scope: string, role: string) => `${binding} lets ${subjects} create ${resources} ${scope} through ${role}.`,
  },
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding hands its subjects create on pods or on controllers that create pods: the role it refers to is defined in the same file and grants that (directly, through `*`, or through the ClusterRoles it aggregates), or it is the built-in `admin` or `edit` ClusterRole.',
    rationale: 'K8S068 points at the role rule to change; this rule shows who actually receives the access, and where: a ClusterRole grants nothing until it is bound, a ClusterRoleBinding grants it in every namespace, a RoleBinding only in its own. A subject that can create pods can run them as any service account of the namespace and mount its Secrets, and without Pod Security admission start privileged pods that take over the node. Bindings to roles defined in other files are not judged, and bindings to `cluster-admin` are left to K8S066.',
    remediation: 'Bind pod and workload creation only to deployment pipelines and controllers, with a RoleBinding rather than a ClusterRoleBinding, and enforce Pod Security admission in the namespace.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    examples: {
      bad: [objectYaml(RBAC, 'ClusterRole', 'rules:\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list, create]\n', 'name: deployer\n') + '---\n' + objectYaml(RBAC, 'ClusterRoleBinding', BINDING, 'name: ci-deployer\n')],
      good: [objectYaml(RBAC, 'ClusterRole', 'rules:\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list, watch]\n', 'name: deployer\n') + '---\n' + objectYaml(RBAC, 'ClusterRoleBinding', BINDING, 'name: ci-deployer\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (roleTargetOf(o) === undefined) return;
      const bound = boundAccess(rolesVisibleFrom(ctx.objects), o, createsPods);
      const subjects = bound && subjectsLabel(o);
      if (bound && subjects !== undefined) ctx.report({ at: bindingAt(o), messageId: 'grant', args: [objectLabel(o), subjects, resourcesLabel(bound.access.resources), bindingScope(o), boundRoleLabel(bound)] });
    },
  },
});
