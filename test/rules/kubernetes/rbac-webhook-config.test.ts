import rule from '../../../rules/src/kubernetes/rbac-webhook-config';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role('- apiGroups: [admissionregistration.k8s.io]\n  resources: [validatingwebhookconfigurations]\n  verbs: [get, list, watch]\n'), name: 'harmless grant' },
    { code: role('- apiGroups: [apps]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [patch]\n'), name: 'near miss: wrong API group' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + '- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [create, patch]\n', name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role('- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [create, patch]\n'), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' can create, patch admission webhook configurations." }] },
    { code: role('- apiGroups: [admissionregistration.k8s.io]\n  resources: [validatingwebhookconfigurations]\n  verbs: [get, list, watch]\n' + "- apiGroups: ['*']\n  resources: ['*']\n  verbs: [delete]\n", 'Role') + '---\n' + role('- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [create, patch]\n'), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
