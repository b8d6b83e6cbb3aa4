import rule from '../../../rules/src/kubernetes/default-service-account';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [...validInEveryKind(`serviceAccountName: web\n${bare}`, 'own account'), { code: pod(`serviceAccount: legacy\n${bare}`), name: 'deprecated field' }, { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' }],
  invalid: [
    ...invalidInEveryKind(`serviceAccountName: default\n${bare}`, 'explicit default', [{ messageId: 'defaultSa', line: 1, column: 21, endColumn: 28, message: "Pod 'w' runs as the namespace's default service account." }]),
    { code: pod(`serviceAccountName:\n${bare}`), name: 'empty value is reported on the key', errors: [{ messageId: 'defaultSa', line: 6, column: 3, endColumn: 21 }] },
    { code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: shop\n', name: 'binding to the default account', errors: [{ messageId: 'binding', line: 8, column: 11, endColumn: 18, message: "RoleBinding 'b' grants its role to a default service account." }] },
    { code: pod(bare), name: 'unset', errors: [{ messageId: 'defaultSa', line: 5, column: 1 }] },
  ],
});
