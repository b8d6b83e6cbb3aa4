import rule from '../../../rules/src/kubernetes/rbac-cluster-admin-binding';
import { ruleTester } from '../../utils/rule-tester';
import { binding } from './kinds';

const sa = '- kind: ServiceAccount\n  name: ci\n  namespace: build\n';

ruleTester(rule, {
  valid: [{ code: binding('view', sa), name: 'view role' }, { code: binding('cluster-admin', sa, 'RoleBinding', 'Role'), name: 'near miss: a namespaced Role that happens to be called cluster-admin' }],
  invalid: [
    { code: binding('cluster-admin', sa), name: 'ClusterRoleBinding', errors: [{ messageId: 'clusterAdmin', line: 8, column: 9, endColumn: 22, message: "ClusterRoleBinding 'b' grants the cluster-admin role." }] },
    { code: binding('view', sa) + '---\n' + binding('cluster-admin', sa, 'RoleBinding'), name: 'RoleBinding, multi-document', errors: [{ messageId: 'clusterAdmin', line: 21 }] },
  ],
});
