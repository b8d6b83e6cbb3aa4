import rule from '../../../rules/src/kubernetes/memory-requests-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = dedent`
  containers:
    - name: app
      image: nginx:1.27
`;
const partial = dedent`
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "1"
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`${bare}    resources:\n      requests:\n        memory: "1"\n`, 'set'),
    { code: pod('containers:\n  - name: app\n    securityContext: {runAsNonRoot: true}\n'), filename: 'overlays/prod/patch.yaml', name: 'kustomize patch (no image) is not flagged' },
    { code: pod(`${bare}    resources:\n      requests: {memory: 0}\n`), name: 'near miss: zero is set (flow style)' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'no resources', [{ messageId: 'missing', line: 2, column: 11, endColumn: 14, message: "Container 'app' has no resources.requests.memory." }], ['Pod']),
    ...invalidInEveryKind(partial, 'requests without memory', [{ messageId: 'missing', line: 5, column: 7, endColumn: 15 }], ['Pod']),
    {
      code: pod(bare),
      name: 'suggestion adds resources',
      errors: [{ messageId: 'missing', line: 7 }],
      suggestions: [pod(`${bare}    resources:\n      requests:\n        memory: 512Mi\n`)],
    },
    {
      code: pod(partial),
      name: 'suggestion adds to the existing section',
      errors: [{ messageId: 'missing', line: 10 }],
      suggestions: [pod(`${partial}        memory: 512Mi\n`)],
    },
    {
      code: pod(`initContainers:\n  - name: i\n    image: busybox:1.36\n    resources: {limits: {memory: "1"}}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n${bare}`) + '---\n' + pod(bare),
      name: 'init and ephemeral containers, multi-document',
      errors: [
        { messageId: 'missing', line: 7, message: "Init container 'i' has no resources.requests.memory." },
        { messageId: 'missing', line: 11, message: "Ephemeral container 'e' has no resources.requests.memory." },
        { messageId: 'missing', line: 14 },
        { messageId: 'missing', line: 23 },
      ],
      suggestions: [pod(`initContainers:\n  - name: i\n    image: busybox:1.36\n    resources: {limits: {memory: "1"}, requests: {memory: 512Mi}}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n${bare}`) + '---\n' + pod(bare)],
    },
  ],
});
