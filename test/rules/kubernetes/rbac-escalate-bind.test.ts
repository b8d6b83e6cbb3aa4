import rule from '../../../rules/src/kubernetes/rbac-escalate-bind';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [roles]\n  verbs: [get]\n'), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [roles]\n  verbs: [bind]\n"), name: 'near miss: wrong API group' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + '- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [bind, escalate]\n', name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [bind, escalate]\n'), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' grants escalate, bind on roles." }] },
    { code: role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [roles]\n  verbs: [get]\n' + "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']\n", 'Role') + '---\n' + role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [bind, escalate]\n'), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
