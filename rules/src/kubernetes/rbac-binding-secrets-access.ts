import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { bindingAt, bindingScope, boundAccess, boundRoleLabel, readsSecrets, roleTargetOf, rolesVisibleFrom, subjectsLabel } from '../model/kubernetes/rbac';
import { objectYaml } from '../model/kubernetes/examples';

const RBAC = 'rbac.authorization.k8s.io/v1';
const META = 'name: reader\nnamespace: shop\n';
const BINDING = 'roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\nsubjects:\n- kind: ServiceAccount\n  name: app\n  namespace: shop\n';

export default defineRule({
  id: 'K8S100',
  name: 'rbac-binding-secrets-access',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Bindings should not give subjects read access to Secrets',
  fix: 'none',
  anchors: { kubeLinter: ['access-to-secrets'], checkov: ['CKV2_K8S_5'] },
  messages: {
    grant: (binding: string, subjects: string, verbs: string, scope: string, role: string) => `${binding} gives ${subjects} ${verbs} on secrets ${scope} through ${role}.`,
  },
  docs: {
    summary: 'A RoleBinding or ClusterRoleBinding hands its subjects get, list or watch on Secrets: the role it refers to is defined in the same file and grants that (directly, through `*`, or through the ClusterRoles it aggregates), or it is the built-in `admin` or `edit` ClusterRole.',
    rationale: 'K8S065 points at the role rule to change; this rule shows who actually receives the access, and where: a ClusterRole grants nothing until it is bound, a ClusterRoleBinding grants it in every namespace, a RoleBinding only in its own. Reading Secrets exposes every credential in that scope, including the tokens of more powerful service accounts. Bindings to roles defined in other files are not judged, and bindings to `cluster-admin` are left to K8S066.',
    remediation: 'Bind a role without Secrets access, or narrow the role with `resourceNames` to the Secrets the subjects need; prefer a RoleBinding over a ClusterRoleBinding.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    examples: {
      bad: [objectYaml(RBAC, 'Role', 'rules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get, list]\n', META) + '---\n' + objectYaml(RBAC, 'RoleBinding', BINDING, META)],
      good: [objectYaml(RBAC, 'Role', 'rules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get]\n  resourceNames: [shop-db]\n', META) + '---\n' + objectYaml(RBAC, 'RoleBinding', BINDING, META)],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (roleTargetOf(o) === undefined) return;
      const bound = boundAccess(rolesVisibleFrom(ctx.objects), o, readsSecrets);
      const subjects = bound && subjectsLabel(o);
      if (bound && subjects !== undefined) ctx.report({ at: bindingAt(o), messageId: 'grant', args: [objectLabel(o), subjects, bound.access.verbs.join(', '), bindingScope(o), boundRoleLabel(bound)] });
    },
  },
});
