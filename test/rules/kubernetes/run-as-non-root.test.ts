import rule from '../../../rules/src/kubernetes/run-as-non-root';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = dedent`
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`securityContext:\n  runAsNonRoot: true\n${bare}`, 'pod-level true'),
    { code: pod(`${bare}    securityContext:\n      runAsNonRoot: true\n`), name: 'container-level true' },
    { code: pod(`securityContext:\n  runAsNonRoot: false\n${bare}    securityContext:\n      runAsNonRoot: true\n`), name: 'container true overrides pod false' },
    { code: pod(`hostUsers: false\n${bare}`), name: 'user namespaces waive the control' },
    { code: pod('containers:\n  - name: app\n    env: [{name: A, value: b}]\n'), filename: 'overlays/prod/patch.yaml', name: 'patch without image' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'unset everywhere', [{ messageId: 'unset', line: 2, column: 11, endColumn: 14, message: "Container 'app' may run as root: runAsNonRoot is not true for it or its pod." }]),
    {
      code: pod(`securityContext:\n  runAsNonRoot: true\n${bare}    securityContext:\n      runAsNonRoot: false\n`),
      name: 'container false overrides pod true',
      errors: [{ messageId: 'disabled', line: 12, column: 23, endColumn: 28, message: "Container 'app' sets runAsNonRoot: false." }],
      suggestions: [pod(`securityContext:\n  runAsNonRoot: true\n${bare}    securityContext:\n      runAsNonRoot: true\n`)],
    },
    {
      code: pod(`securityContext:\n  runAsNonRoot: false\n${bare}`),
      name: 'pod false, container inherits',
      errors: [{ messageId: 'disabled', line: 9, column: 13 }],
    },
    {
      code: pod(`securityContext:\n  runAsUser: 1000\n${bare}`),
      name: 'fix adds to the pod securityContext',
      errors: [{ messageId: 'unset', line: 9 }],
      suggestions: [pod(`securityContext:\n  runAsUser: 1000\n  runAsNonRoot: true\n${bare}`)],
    },
    {
      code: pod(`initContainers:\n  - name: i\n    image: busybox:1.36\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n${bare}`) + '---\n' + pod(bare),
      name: 'init, ephemeral, multi-document',
      errors: [{ messageId: 'unset', line: 7 }, { messageId: 'unset', line: 10 }, { messageId: 'unset', line: 13 }, { messageId: 'unset', line: 22 }],
      suggestions: [pod(`initContainers:\n  - name: i\n    image: busybox:1.36\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n${bare}securityContext:\n  runAsNonRoot: true\n`) + '---\n' + pod(bare)],
    },
  ],
});
