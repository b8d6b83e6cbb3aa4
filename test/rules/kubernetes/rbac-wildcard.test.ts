import rule from '../../../rules/src/kubernetes/rbac-wildcard';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [{ code: role("- apiGroups: ['']\n  resources: [pods]\n  verbs: [get]\n"), name: 'explicit' }, { code: role("- apiGroups: ['']\n  resources: [pods]\n  resourceNames: ['*']\n  verbs: [get]\n"), name: 'near miss: resourceNames are not checked' }],
  invalid: [
    { code: role("- apiGroups: ['*']\n  resources: [configmaps]\n  verbs: ['*']\n"), name: 'groups and verbs', errors: [{ messageId: 'wildcard', line: 6, column: 15, endColumn: 18, message: "ClusterRole 'r' uses '*' in apiGroups." }, { messageId: 'wildcard', line: 8, column: 11, message: "ClusterRole 'r' uses '*' in verbs." }] },
    { code: role("- apiGroups: ['']\n  resources:\n    - '*'\n  verbs: [get]\n", 'Role'), name: 'block list, Role', errors: [{ messageId: 'wildcard', line: 8, column: 7, message: "Role 'r' uses '*' in resources." }] },
  ],
});
