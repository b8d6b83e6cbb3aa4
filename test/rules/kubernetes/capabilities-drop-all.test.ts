import rule from '../../../rules/src/kubernetes/capabilities-drop-all';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = dedent`
  containers:
    - name: app
      image: nginx:1.27
`;
const dropRaw = dedent`
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop:
            - NET_RAW
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`${bare}    securityContext:\n      capabilities:\n        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n`, 'drop ALL, add NET_BIND_SERVICE'),
    { code: pod(`os:\n  name: windows\n${bare}`), name: 'Windows pods are exempt' },
    { code: pod(`${bare}    securityContext:\n      capabilities:\n        drop: [all]\n        add: [SYS_ADMIN]\n`), name: 'near miss: capabilities outside the default set are capabilities-beyond-default' },
    { code: pod('containers:\n  - name: app\n    resources: {}\n'), filename: 'overlays/prod/patch.yaml', name: 'patch without image' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'no securityContext', [{ messageId: 'noDropAll', line: 2, column: 11, endColumn: 14, message: "Container 'app' does not drop ALL capabilities." }], ['Pod']),
    ...invalidInEveryKind(dropRaw, 'drops only NET_RAW', [{ messageId: 'noDropAll', line: 6, column: 9, endColumn: 13 }], ['Pod']),
    {
      code: pod(bare),
      name: 'suggestion creates the securityContext',
      errors: [{ messageId: 'noDropAll', line: 7 }],
      suggestions: [pod(`${bare}    securityContext:\n      capabilities:\n        drop: [ALL]\n`)],
    },
    {
      code: pod(dropRaw),
      name: 'suggestion appends to the block list',
      errors: [{ messageId: 'noDropAll', line: 11 }],
      suggestions: [pod(`${dropRaw}          - ALL\n`)],
    },
    {
      code: pod(`initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {capabilities: {drop: [ALL], add: [CHOWN]}}\n${bare}`) + '---\n' + pod(bare),
      name: 'init container adds a default capability; multi-document',
      errors: [
        { messageId: 'addedDefault', line: 9, message: "Init container 'i' adds CHOWN; the restricted profile allows only NET_BIND_SERVICE." },
        { messageId: 'noDropAll', line: 11 },
        { messageId: 'noDropAll', line: 20 },
      ],
      suggestions: [pod(`initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {capabilities: {drop: [ALL]}}\n${bare}`) + '---\n' + pod(bare)],
    },
  ],
});
