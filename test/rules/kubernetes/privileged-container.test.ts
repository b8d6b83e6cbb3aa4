import rule from '../../../rules/src/kubernetes/privileged-container';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replace('true', 'false'), 'privileged: false'),
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'no securityContext' },
    { code: pod('securityContext:\n  privileged: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n'), name: 'near miss: privileged is not a pod-level field' },
    { code: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n', name: 'unknown kind (CRD) is left alone' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'container', [{ messageId: 'privileged', line: 5, column: 19, endColumn: 23, message: "Container 'app' runs privileged." }]),
    {
      code: pod('initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {privileged: true}\nephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n    securityContext:\n      privileged: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n'),
      name: 'init and ephemeral containers',
      errors: [
        { messageId: 'privileged', line: 9, column: 37, endColumn: 41, message: "Init container 'init' runs privileged." },
        { messageId: 'privileged', line: 14, column: 21, message: "Ephemeral container 'debug' runs privileged." },
      ],
      suggestions: [pod('initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext: {privileged: false}\nephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n    securityContext:\n      privileged: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n')],
    },
    {
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n' + pod(bad) + '---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: q}\n    spec:\n      containers: [{name: b, image: "x:1", securityContext: {privileged: true}}]\n',
      name: 'multi-document file with a List',
      errors: [{ messageId: 'privileged', line: 15 }, { messageId: 'privileged', line: 24 }],
    },
    {
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "x:1", "securityContext": {"privileged": true}}]}}\n',
      filename: 'pod.json',
      name: 'JSON manifest',
      errors: [{ messageId: 'privileged', line: 2, column: 90, endColumn: 94 }],
      suggestions: ['{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},\n "spec": {"containers": [{"name": "a", "image": "x:1", "securityContext": {"privileged": false}}]}}\n'],
    },
  ],
});
