import rule from '../../../rules/src/kubernetes/run-as-uid-0';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replaceAll(': 0', ': 10001'), 'non-zero uid'),
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'unset' },
    { code: pod(`hostUsers: false\n${bad}`), name: 'user namespace maps uid 0' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      runAsGroup: 0\n'), name: 'near miss: group 0 is another rule' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'pod and container', [
      { messageId: 'pod', line: 2, column: 14, endColumn: 15 },
      { messageId: 'container', line: 7, column: 18, endColumn: 19, message: "Container 'app' sets runAsUser: 0 (root)." },
    ]),
    {
      code: pod('initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {runAsUser: 0}\ncontainers:\n  - name: app\n    image: nginx:1.27\n') + '---\n' + pod(bad),
      name: 'init container, multi-document',
      errors: [{ messageId: 'container', line: 9, message: "Init container 'i' sets runAsUser: 0 (root)." }, { messageId: 'pod', line: 20, message: "Pod 'w' sets runAsUser: 0 (root) for its pod." }, { messageId: 'container', line: 25 }],
    },
  ],
});
