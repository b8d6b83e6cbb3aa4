import rule from '../../../rules/src/kubernetes/rbac-system-groups-binding';
import { ruleTester } from '../../utils/rule-tester';
import { binding } from './kinds';

ruleTester(rule, {
  valid: [{ code: binding('view', '- kind: Group\n  name: auditors\n'), name: 'named group' }, { code: binding('view', '- kind: ServiceAccount\n  name: system:authenticated\n  namespace: x\n'), name: 'near miss: a ServiceAccount with that odd name' }],
  invalid: [
    { code: binding('view', '- kind: Group\n  name: system:unauthenticated\n  apiGroup: rbac.authorization.k8s.io\n- kind: User\n  name: system:anonymous\n'), name: 'unauthenticated and anonymous', errors: [{ messageId: 'subject', line: 11, column: 9, endColumn: 31, message: "ClusterRoleBinding 'b' grants its role to 'system:unauthenticated'." }, { messageId: 'subject', line: 14 }] },
    { code: binding('edit', '- {kind: Group, name: system:masters}\n', 'RoleBinding'), name: 'system:masters in a RoleBinding (flow)', errors: [{ messageId: 'subject', line: 10 }] },
  ],
});
