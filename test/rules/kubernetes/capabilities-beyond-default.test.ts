import rule from '../../../rules/src/kubernetes/capabilities-beyond-default';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add:
            - CHOWN
            - cap_sys_admin
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replace('cap_sys_admin', 'NET_BIND_SERVICE'), 'default set only'),
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop: [SYS_ADMIN]\n'), name: 'near miss: dropping is fine' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'SYS_ADMIN with prefix and lower case', [{ messageId: 'added', line: 8, column: 13, endColumn: 26, message: "Container 'app' adds capability SYS_ADMIN, which the baseline profile forbids." }], ['Pod']),
    {
      code: pod(bad),
      name: 'suggestion removes the entry',
      errors: [{ messageId: 'added', line: 13 }],
      suggestions: [pod(bad.replace('          - cap_sys_admin\n', ''))],
    },
    {
      code: pod('initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {capabilities: {add: [NET_ADMIN, SYS_PTRACE]}}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n    securityContext:\n      capabilities:\n        add: [ALL]\n        drop: [NET_RAW]\ncontainers: []\n') + '---\n' + pod(bad),
      name: 'init, ephemeral, flow style, multi-document',
      errors: [
        { messageId: 'added', line: 9, column: 46, endColumn: 55 },
        { messageId: 'added', line: 9, column: 57 },
        { messageId: 'added', line: 15, message: "Ephemeral container 'e' adds capability ALL, which the baseline profile forbids." },
        { messageId: 'added', line: 31 },
      ],
      suggestions: [pod('initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {capabilities: {add: [SYS_PTRACE]}}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n    securityContext:\n      capabilities:\n        add: [ALL]\n        drop: [NET_RAW]\ncontainers: []\n') + '---\n' + pod(bad)],
    },
  ],
});
