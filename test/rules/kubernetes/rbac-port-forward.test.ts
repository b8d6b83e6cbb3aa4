import rule from '../../../rules/src/kubernetes/rbac-port-forward';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role("- apiGroups: ['']\n  resources: [pods]\n  verbs: [create]\n"), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [pods/portforward]\n  verbs: [list]\n"), name: 'near miss: list' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + "- apiGroups: ['']\n  resources: [pods/portforward]\n  verbs: [create]\n", name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role("- apiGroups: ['']\n  resources: [pods/portforward]\n  verbs: [create]\n"), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 7, column: 3, endColumn: 12, message: "ClusterRole 'r' grants create on pods/portforward." }] },
    { code: role("- apiGroups: ['']\n  resources: [pods]\n  verbs: [create]\n" + "- apiGroups: ['']\n  resources: ['*']\n  verbs: ['*']\n", 'Role') + '---\n' + role("- apiGroups: ['']\n  resources: [pods/portforward]\n  verbs: [create]\n"), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 10 }, { messageId: 'grant', line: 19 }] },
  ],
});
