import rule from '../../../rules/src/kubernetes/rbac-nodes-proxy';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role("- apiGroups: ['']\n  resources: [nodes/metrics]\n  verbs: [get]\n"), name: 'harmless grant' },
    { code: role("- apiGroups: ['']\n  resources: [nodes, services/proxy]\n  verbs: [get]\n"), name: 'near miss: nodes and services/proxy' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + "- apiGroups: ['']\n  resources: [nodes/proxy]\n  verbs: [get]\n", name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role("- apiGroups: ['']\n  resources: [nodes/proxy]\n  verbs: [get]\n"), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 7, column: 3, endColumn: 12, message: "ClusterRole 'r' grants get on nodes/proxy." }] },
    { code: role("- apiGroups: ['']\n  resources: [nodes/metrics]\n  verbs: [get]\n" + "- apiGroups: ['*']\n  resources: ['nodes/*']\n  verbs: [create]\n", 'Role') + '---\n' + role("- apiGroups: ['']\n  resources: [nodes/proxy]\n  verbs: [get]\n"), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 10 }, { messageId: 'grant', line: 19 }] },
  ],
});
