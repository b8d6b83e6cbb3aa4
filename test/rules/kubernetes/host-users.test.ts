import rule from '../../../rules/src/kubernetes/host-users';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [...validInEveryKind(`hostUsers: false\n${bare}`, 'user namespace'), { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' }],
  invalid: [
    ...invalidInEveryKind(`hostUsers: true\n${bare}`, 'explicit true', [{ messageId: 'hostUsers', line: 1, column: 12, endColumn: 16 }]),
    { code: pod(bare), name: 'unset, suggestion', errors: [{ messageId: 'hostUsers', line: 5, message: "Pod 'w' shares the host user namespace (hostUsers is not false)." }], suggestions: [pod(`${bare}hostUsers: false\n`)] },
  ],
});
