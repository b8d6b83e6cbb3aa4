import rule from '../../../rules/src/kubernetes/run-as-high-gid';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`securityContext:\n  runAsGroup: 10001\n${bare}`, 'pod-level high id'),
    { code: pod(`securityContext:\n  runAsGroup: 100\n${bare}    securityContext:\n      runAsGroup: 20000\n`), name: 'near miss: container overrides a low pod value' },
    { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' },
  ],
  invalid: [
    ...invalidInEveryKind(`${bare}    securityContext:\n      runAsGroup: 1000\n`, 'container low id', [{ messageId: 'low', line: 5, column: 19, endColumn: 23, message: "Container 'app' runs with GID 1000, which may overlap host groups (use > 10000)." }]),
    { code: pod(`securityContext:\n  runAsGroup: 10000\n${bare}  - name: b\n    image: b:1\n`) + '---\n' + pod(bare), name: 'inherited from the pod (reported once), unset', errors: [{ messageId: 'low', line: 7, message: "Pod 'w' runs with GID 10000, which may overlap host groups (use > 10000)." }, { messageId: 'unset', line: 20, message: "Container 'app' sets no runAsGroup; the image decides the GID." }] },
  ],
});
