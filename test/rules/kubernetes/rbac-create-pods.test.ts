import rule from '../../../rules/src/kubernetes/rbac-create-pods';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role('- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list, watch]\n'), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [pods/eviction]\n  verbs: [create]\n"), name: 'near miss: pods/eviction is a subresource' },
    { code: role("- apiGroups: ['']\n  resources: [pods]\n  verbs: [create, get]\n  resourceNames: [one]\n"), name: 'resourceNames: RBAC cannot restrict create by name, so the rule grants no create' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + '- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [create]\n', name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role('- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [create]\n'), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' grants create on pods or workload controllers." }] },
    { code: role('- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [get, list, watch]\n' + "- apiGroups: ['']\n  resources: ['*']\n  verbs: ['*']\n", 'Role') + '---\n' + role('- apiGroups: [apps]\n  resources: [deployments]\n  verbs: [create]\n'), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
