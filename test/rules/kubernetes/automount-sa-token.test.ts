import rule from '../../../rules/src/kubernetes/automount-sa-token';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`automountServiceAccountToken: false\n${bare}`, 'disabled'),
    { code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\nautomountServiceAccountToken: false\n', name: 'ServiceAccount disabled' },
    { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' },
    { code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n---\n' + pod(`serviceAccountName: web\n${bare}`), name: 'the ServiceAccount in the same file disables the mount' },
  ],
  invalid: [
    ...invalidInEveryKind(`automountServiceAccountToken: true\n${bare}`, 'explicit true', [{ messageId: 'pod', line: 1, column: 31, endColumn: 35 }], ['Pod']),
    { code: pod(`automountServiceAccountToken: true\n${bare}`), name: 'true, suggestion', errors: [{ messageId: 'pod', line: 6 }], suggestions: [pod(`automountServiceAccountToken: false\n${bare}`)] },
    { code: pod(bare), name: 'unset, suggestion', errors: [{ messageId: 'pod', line: 5, message: "Pod 'w' mounts its service account token (automountServiceAccountToken is not false)." }], suggestions: [pod(`${bare}automountServiceAccountToken: false\n`)] },
    { code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: other\nautomountServiceAccountToken: false\n---\n' + pod(`serviceAccountName: web\n${bare}`), name: 'near miss: same name in another namespace', errors: [{ messageId: 'pod', line: 12 }] },
    { code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n', name: 'ServiceAccount', errors: [{ messageId: 'serviceAccount', line: 2, column: 1, endColumn: 5, message: "ServiceAccount 'sa' does not set automountServiceAccountToken: false." }] },
  ],
});
