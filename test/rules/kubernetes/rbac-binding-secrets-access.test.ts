import rule from '../../../rules/src/kubernetes/rbac-binding-secrets-access';
import { ruleTester } from '../../utils/rule-tester';
import { aggregatedInto, aggregator, binding, doc, role, SA } from './rbac-binding-docs';

const READ = "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get, list]\n";

ruleTester(rule, {
  valid: [
    { code: doc(role('reader', "- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [get, list]\n"), binding('reader')), name: 'the bound role grants nothing on secrets' },
    { code: binding('reader'), name: 'role not in the file: not judged' },
    { code: doc(role('reader', READ, 'Role', 'other'), binding('reader')), name: 'a Role of the same name in another namespace is not the bound one' },
    { code: doc(role('reader', READ, 'Role', null), binding('reader')), name: 'near miss: Role without namespace, binding in shop' },
    { code: doc(role('reader', "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get, list, watch]\n  resourceNames: [shop-db]\n"), binding('reader')), name: 'resourceNames restrict the grant to named Secrets' },
    { code: role('reader', READ), name: 'a role without a binding gives no subject anything (K8S065 reports the role)' },
    { code: doc(role('reader', READ, 'ClusterRole', null), binding('reader', 'Role')), name: 'roleRef kind Role does not resolve to a ClusterRole of that name' },
    { code: doc(role('reader', READ, 'Role'), binding('reader', 'Role', 'ClusterRoleBinding', null)), name: 'a ClusterRoleBinding cannot refer to a Role' },
    { code: doc(role('reader', "- apiGroups: [apps]\n  resources: [secrets]\n  verbs: [get]\n"), binding('reader')), name: 'secrets of another API group' },
    { code: doc(role('reader', "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [create, update, delete]\n"), binding('reader')), name: 'write-only verbs do not read' },
    { code: doc(role('reader', READ), binding('reader', 'Role', 'RoleBinding', 'shop', 'subjects: []\n')), name: 'a binding without subjects grants nothing' },
    { code: binding('cluster-admin', 'ClusterRole', 'ClusterRoleBinding', null), name: 'cluster-admin is left to K8S066' },
    { code: binding('view', 'ClusterRole'), name: 'built-in view does not read secrets' },
    { code: doc(aggregator('monitoring'), role('other-secrets', READ, 'ClusterRole', null, aggregatedInto('other')), binding('monitoring', 'ClusterRole')), name: 'aggregated ClusterRole whose selector picks no secrets role' },
    { code: 'apiVersion: example.com/v1\nkind: RoleBinding\nmetadata:\n  name: b\n  namespace: shop\nroleRef:\n  kind: ClusterRole\n  name: edit\n' + SA, name: 'not the RBAC API group' },
  ],
  invalid: [
    {
      code: doc(role('reader', READ), binding('reader')),
      name: 'Role and RoleBinding in one file',
      errors: [{ messageId: 'grant', line: 19, column: 9, endColumn: 15, message: "RoleBinding 'b' gives ServiceAccount 'shop/app' get, list on secrets in namespace 'shop' through Role 'reader'." }],
    },
    {
      code: doc(role('reader', READ, 'ClusterRole', null), binding('reader', 'ClusterRole')),
      name: 'ClusterRole bound by a RoleBinding: granted in that namespace only',
      errors: [{ messageId: 'grant', line: 18, message: "RoleBinding 'b' gives ServiceAccount 'shop/app' get, list on secrets in namespace 'shop' through ClusterRole 'reader'." }],
    },
    {
      code: doc(binding('reader', 'ClusterRole', 'ClusterRoleBinding', null), role('reader', "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']\n", 'ClusterRole', null)),
      name: 'wildcards, ClusterRoleBinding before its ClusterRole',
      errors: [{ messageId: 'grant', line: 8, column: 9, endColumn: 15, message: "ClusterRoleBinding 'b' gives ServiceAccount 'shop/app' get, list, watch on secrets in every namespace through ClusterRole 'reader'." }],
    },
    {
      code: doc(role('reader', "- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [get]\n- apiGroups: ['']\n  resources: ['*']\n  verbs: [watch]\n", 'Role', null), binding('reader', 'Role', 'RoleBinding', null, 'subjects:\n- kind: User\n  name: ann\n- kind: Group\n  name: ops\n- kind: ServiceAccount\n  name: a\n  namespace: shop\n- kind: User\n  name: bob\n')),
      name: 'no namespace on either, wildcard resource, several subjects',
      errors: [{ messageId: 'grant', line: 20, message: "RoleBinding 'b' gives User 'ann', Group 'ops', ServiceAccount 'shop/a' and 1 more watch on secrets in its namespace through Role 'reader'." }],
    },
    {
      code: doc(binding('edit', 'ClusterRole'), binding('admin', 'ClusterRole', 'ClusterRoleBinding', null)),
      name: 'built-in edit and admin, multi-document',
      errors: [
        { messageId: 'grant', line: 9, message: "RoleBinding 'b' gives ServiceAccount 'shop/app' get, list, watch on secrets in namespace 'shop' through the built-in ClusterRole 'edit'." },
        { messageId: 'grant', line: 22, message: "ClusterRoleBinding 'b' gives ServiceAccount 'shop/app' get, list, watch on secrets in every namespace through the built-in ClusterRole 'admin'." },
      ],
    },
    {
      code: doc(role('edit', "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [list]\n", 'ClusterRole', null), binding('edit', 'ClusterRole')),
      name: 'a ClusterRole defined in the file wins over the built-in of that name',
      errors: [{ messageId: 'grant', line: 18, message: "RoleBinding 'b' gives ServiceAccount 'shop/app' list on secrets in namespace 'shop' through ClusterRole 'edit'." }],
    },
    {
      code: doc(
        aggregator('monitoring'),
        role('monitoring-secrets', "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get]\n", 'ClusterRole', null, aggregatedInto('monitoring')),
        binding('monitoring', 'ClusterRole', 'ClusterRoleBinding', null),
      ),
      name: 'aggregated ClusterRole: the rules of the ClusterRoles it selects count',
      errors: [{ messageId: 'grant', line: 29, message: "ClusterRoleBinding 'b' gives ServiceAccount 'shop/app' get on secrets in every namespace through ClusterRole 'monitoring'." }],
    },
  ],
});
