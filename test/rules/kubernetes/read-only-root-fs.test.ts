import rule from '../../../rules/src/kubernetes/read-only-root-fs';
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
    ...validInEveryKind(`${bare}    securityContext:\n      readOnlyRootFilesystem: true\n`, 'read-only'),
    { code: pod(`securityContext:\n  readOnlyRootFilesystem: true\n${bare}    securityContext:\n      readOnlyRootFilesystem: true\n`), name: 'near miss: pod-level key is ignored, container sets it' },
    { code: pod('containers:\n  - name: app\n    ports: [{containerPort: 80}]\n'), filename: 'overlays/prod/patch.yaml', name: 'patch without image' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'unset', [{ messageId: 'unset', line: 2, column: 11, endColumn: 14, message: "Container 'app' does not set readOnlyRootFilesystem: true." }], ['Pod']),
    {
      code: pod(bare),
      name: 'suggestion adds the field',
      errors: [{ messageId: 'unset', line: 7 }],
      suggestions: [pod(`${bare}    securityContext:\n      readOnlyRootFilesystem: true\n`)],
    },
    {
      code: pod(`ephemeralContainers:\n  - name: e\n    image: busybox:1.36\n    securityContext:\n      readOnlyRootFilesystem: false # debug\ninitContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {runAsUser: 1}\n`) + '---\n' + pod(bare),
      name: 'explicit false, init container, multi-document',
      errors: [
        { messageId: 'disabled', line: 10, column: 33, endColumn: 38, message: "Ephemeral container 'e' sets readOnlyRootFilesystem: false." },
        { messageId: 'unset', line: 14, column: 7 },
        { messageId: 'unset', line: 22 },
      ],
      suggestions: [pod(`ephemeralContainers:\n  - name: e\n    image: busybox:1.36\n    securityContext:\n      readOnlyRootFilesystem: true # debug\ninitContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {runAsUser: 1}\n`) + '---\n' + pod(bare)],
    },
  ],
});
