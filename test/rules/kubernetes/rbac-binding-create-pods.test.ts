import rule from '../../../rules/src/kubernetes/rbac-binding-create-pods';
import { ruleTester } from '../../utils/rule-tester';
import { aggregatedInto, aggregator, binding, doc, role, SA } from './rbac-binding-docs';

const CREATE = "- apiGroups: ['']\n  resources: [pods]\n  verbs: [create]\n";

ruleTester(rule, {
  valid: [
    { code: doc(role('deployer', '- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list, watch, update]\n'), binding('deployer')), name: 'the bound role reads and updates but does not create' },
    { code: binding('deployer'), name: 'role not in the file: not judged' },
    { code: doc(role('deployer', CREATE, 'Role', 'other'), binding('deployer')), name: 'a Role of the same name in another namespace is not the bound one' },
    { code: doc(role('deployer', "- apiGroups: ['']\n  resources: [pods]\n  verbs: [create, get]\n  resourceNames: [one]\n"), binding('deployer')), name: 'resourceNames: RBAC cannot restrict create by name, so the rule grants no create' },
    { code: doc(role('deployer', "- apiGroups: ['']\n  resources: [pods/eviction, pods/exec]\n  verbs: [create]\n"), binding('deployer')), name: 'near miss: subresources are not pods' },
    { code: doc(role('deployer', "- apiGroups: ['']\n  resources: [deployments]\n  verbs: [create]\n"), binding('deployer')), name: 'deployments of the core group do not exist' },
    { code: role('deployer', CREATE), name: 'a role without a binding gives no subject anything (K8S068 reports the role)' },
    { code: doc(role('deployer', CREATE), binding('deployer', 'Role', 'RoleBinding', 'shop', 'subjects: []\n')), name: 'a binding without subjects grants nothing' },
    { code: binding('cluster-admin', 'ClusterRole'), name: 'cluster-admin is left to K8S066' },
    { code: binding('view', 'ClusterRole', 'ClusterRoleBinding', null), name: 'built-in view creates nothing' },
  ],
  invalid: [
    {
      code: doc(role('deployer', CREATE), binding('deployer')),
      name: 'Role and RoleBinding in one file',
      errors: [{ messageId: 'grant', line: 19, column: 9, endColumn: 17, message: "RoleBinding 'b' lets ServiceAccount 'shop/app' create pods in namespace 'shop' through Role 'deployer'." }],
    },
    {
      code: doc(role('deployer', '- apiGroups: [apps, batch]\n  resources: [deployments, jobs, configmaps]\n  verbs: [get, create]\n', 'ClusterRole', null), binding('deployer', 'ClusterRole')),
      name: 'ClusterRole bound by a RoleBinding, several workload kinds',
      errors: [{ messageId: 'grant', line: 18, message: "RoleBinding 'b' lets ServiceAccount 'shop/app' create deployments, jobs in namespace 'shop' through ClusterRole 'deployer'." }],
    },
    {
      code: doc(role('deployer', "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']\n", 'ClusterRole', null), binding('deployer', 'ClusterRole', 'ClusterRoleBinding', null)),
      name: 'wildcards in a ClusterRoleBinding',
      errors: [{ messageId: 'grant', line: 17, column: 9, endColumn: 17, message: "ClusterRoleBinding 'b' lets ServiceAccount 'shop/app' create pods and every workload kind in every namespace through ClusterRole 'deployer'." }],
    },
    {
      code: doc(binding('edit', 'ClusterRole', 'RoleBinding', 'shop', 'subjects:\n- kind: Group\n  name: devs\n')),
      name: 'built-in edit',
      errors: [{ messageId: 'grant', line: 9, message: "RoleBinding 'b' lets Group 'devs' create pods and every workload kind in namespace 'shop' through the built-in ClusterRole 'edit'." }],
    },
    {
      code: doc(aggregator('deploy'), role('deploy-jobs', "- apiGroups: [batch]\n  resources: ['*']\n  verbs: [create]\n", 'ClusterRole', null, aggregatedInto('deploy')), binding('deploy', 'ClusterRole')),
      name: 'aggregated ClusterRole',
      errors: [{ messageId: 'grant', line: 30, message: "RoleBinding 'b' lets ServiceAccount 'shop/app' create jobs, cronjobs in namespace 'shop' through ClusterRole 'deploy'." }],
    },
    {
      code: doc(binding('deployer', 'Role', 'RoleBinding', null, SA), role('deployer', CREATE, 'Role', null), binding('deployer', 'Role', 'RoleBinding', 'shop', SA)),
      name: 'no namespace on either matches; the binding in shop does not',
      errors: [{ messageId: 'grant', line: 8 }],
    },
  ],
});
