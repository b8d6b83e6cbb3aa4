import rule from '../../../rules/src/kubernetes/rbac-impersonate';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role("- apiGroups: ['']\n  resources: [serviceaccounts]\n  verbs: [get]\n"), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [pods]\n  verbs: [impersonate]\n"), name: 'near miss: impersonate on pods means nothing' },
    { code: role("- apiGroups: [custom.metrics.k8s.io]\n  resources: ['*']\n  verbs: ['*']\n"), name: 'near miss: wildcards in an unrelated API group' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + "- apiGroups: ['']\n  resources: [users, groups]\n  verbs: [impersonate]\n", name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role("- apiGroups: ['']\n  resources: [users, groups]\n  verbs: [impersonate]\n"), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' grants impersonate on users, groups or service accounts." }] },
    { code: role("- apiGroups: ['']\n  resources: [serviceaccounts]\n  verbs: [get]\n" + "- apiGroups: [authentication.k8s.io]\n  resources: ['userextras/scopes']\n  verbs: ['*']\n", 'Role') + '---\n' + role("- apiGroups: ['']\n  resources: [users, groups]\n  verbs: [impersonate]\n"), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
