import rule from '../../../rules/src/kubernetes/rbac-csr-approve';
import { ruleTester } from '../../utils/rule-tester';
import { role } from './kinds';

ruleTester(rule, {
  valid: [
    { code: role('- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests]\n  verbs: [create, get]\n'), name: 'harmless grant' },
    { code: role('- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests/approval]\n  verbs: [get]\n'), name: 'near miss: reading approvals' },
    { code: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n' + '- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests/approval]\n  verbs: [update]\n', name: 'not the RBAC API group' },
  ],
  invalid: [
    { code: role('- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests/approval]\n  verbs: [update]\n'), name: 'ClusterRole', errors: [{ messageId: 'grant', line: 8, column: 3, endColumn: 8, message: "ClusterRole 'r' can update certificate signing requests." }] },
    { code: role('- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests]\n  verbs: [create, get]\n' + '- apiGroups: [certificates.k8s.io]\n  resources: [signers]\n  verbs: [approve]\n', 'Role') + '---\n' + role('- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests/approval]\n  verbs: [update]\n'), name: 'wildcards, Role, multi-document', errors: [{ messageId: 'grant', line: 11 }, { messageId: 'grant', line: 20 }] },
  ],
});
