import rule from '../../../rules/src/kubernetes/seccomp-not-set';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n${bare}`, 'pod RuntimeDefault'),
    { code: pod(`${bare}    securityContext:\n      seccompProfile: {type: Localhost, localhostProfile: x.json}\n`), name: 'container Localhost' },
    { code: pod(`${bare}    securityContext:\n      seccompProfile: {type: Unconfined}\n`), name: 'near miss: Unconfined is seccomp-unconfined' },
    { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'unset', [{ messageId: 'unset', line: 2, column: 11, endColumn: 14 }], ['Pod']),
    { code: pod(`securityContext:\n  runAsNonRoot: true\n${bare}`), name: 'suggestion sets it at pod level', errors: [{ messageId: 'unset', line: 9, message: "Container 'app' has no seccomp profile (RuntimeDefault or Localhost) from itself or its pod." }], suggestions: [pod(`securityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n${bare}`)] },
    { code: pod(`securityContext:\n  seccompProfile: {type: Unconfined}\ninitContainers:\n  - name: i\n    image: b:1\n    securityContext: {runAsUser: 1}\n${bare}`), name: 'pod Unconfined, init container', errors: [{ messageId: 'unset', line: 11 }, { messageId: 'unset', line: 13 }] },
  ],
});
