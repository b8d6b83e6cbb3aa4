import rule from '../../../rules/src/kubernetes/host-aliases';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [...validInEveryKind(bare, 'no hostAliases'), { code: pod(`${bare}    env: [{name: hostAliases, value: x}]\n`), name: 'near miss: an env var named hostAliases' }],
  invalid: [
    ...invalidInEveryKind(`hostAliases:\n  - ip: 10.0.0.1\n    hostnames: [a]\n${bare}`, 'hostAliases', [{ messageId: 'hostAliases', line: 1, column: 1, endColumn: 12, message: "Pod 'w' rewrites /etc/hosts with hostAliases." }]),
  ],
});
