import rule from '../../../rules/src/kubernetes/rbac-secrets-access';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role("- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [get, list]\n"), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get]\n  resourceNames: [one]\n"), name: 'near miss: resourceNames restrict it' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + "- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get, watch, list]\n", name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role("- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get, watch, list]\n"), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' grants get, list, watch on secrets." }] },
    { code: role("- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [get, list]\n" + "- apiGroups: ['*']\n  resources: ['*']\n  verbs: ['*']\n", 'Role') + '---\n' + role("- apiGroups: ['']\n  resources: [secrets]\n  verbs: [get, watch, list]\n"), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
