import rule from '../../../rules/src/kubernetes/rbac-misc-sensitive';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [{ code: role("- apiGroups: ['']\n  resources: [configmaps, pods/log]\n  verbs: [get, list]\n"), name: 'read-only' }, { code: role("- apiGroups: [extensions]\n  resources: [networkpolicies]\n  verbs: [delete]\n"), name: 'near miss: other API group' }],
  invalid: [
    { code: role("- apiGroups: ['']\n  resources: [configmaps]\n  verbs: [update, patch]\n  resourceNames: [aws-auth]\n"), name: 'aws-auth', errors: [{ messageId: 'grant', line: 8, message: "ClusterRole 'r' can update, patch configmaps." }, { messageId: 'grant', line: 8, message: "ClusterRole 'r' can update, patch the aws-auth ConfigMap." }] },
    { code: role("- apiGroups: ['']\n  resources: [pods/log, services/status]\n  verbs: ['*']\n", 'Role'), name: 'delete logs and services/status', errors: [{ messageId: 'grant', line: 8, message: "Role 'r' can delete, deletecollection pod logs." }, { messageId: 'grant', line: 8, message: "Role 'r' can update, patch services/status." }] },
  ],
});
