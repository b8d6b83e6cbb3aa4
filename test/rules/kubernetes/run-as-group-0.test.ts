import rule from '../../../rules/src/kubernetes/run-as-group-0';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [...validInEveryKind(`securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\n  supplementalGroups: [10002]\n${bare}`, 'non-zero groups'), { code: pod(`${bare}    securityContext:\n      runAsUser: 0\n`), name: 'near miss: user 0 is another rule' }],
  invalid: [
    ...invalidInEveryKind(`securityContext:\n  runAsGroup: 0\n${bare}`, 'pod runAsGroup 0', [{ messageId: 'group', line: 2, column: 15, endColumn: 16, message: "Pod 'w' sets runAsGroup to 0 (the root group)." }]),
    { code: pod(`securityContext:\n  fsGroup: 0\n  supplementalGroups: [1, 0]\ninitContainers:\n  - name: i\n    image: b:1\n    securityContext: {runAsGroup: 0}\n${bare}`), name: 'fsGroup, supplementalGroups, init container', errors: [{ messageId: 'group', line: 7 }, { messageId: 'group', line: 8, column: 29, message: "Pod 'w' sets supplementalGroups to 0 (the root group)." }, { messageId: 'group', line: 12, message: "Container 'i' sets runAsGroup to 0 (the root group)." }] },
  ],
});
