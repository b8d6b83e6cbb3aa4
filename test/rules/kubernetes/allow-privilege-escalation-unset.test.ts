import rule from '../../../rules/src/kubernetes/allow-privilege-escalation-unset';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = dedent`
  containers:
    - name: app
      image: nginx:1.27
`;
const withSc = dedent`
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`${withSc}      allowPrivilegeEscalation: false\n`, 'explicit false'),
    { code: pod(`${bare}    securityContext:\n      allowPrivilegeEscalation: true\n`), name: 'explicit true belongs to allow-privilege-escalation-true' },
    { code: pod('containers:\n  - name: app\n    resources:\n      limits: {memory: 1Gi}\n'), filename: 'overlays/prod/patch.yaml', name: 'kustomize patch (no image) is not flagged' },
    { code: pod('securityContext:\n  allowPrivilegeEscalation: false\n') , name: 'no containers at all' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'no securityContext', [{ messageId: 'unset', line: 2, column: 11, endColumn: 14, message: "Container 'app' does not set allowPrivilegeEscalation: false." }], ['Pod']),
    ...invalidInEveryKind(withSc, 'securityContext without the field', [{ messageId: 'unset', line: 4, column: 5, endColumn: 20 }], ['Pod']),
    {
      code: pod(bare),
      name: 'fix adds a securityContext',
      errors: [{ messageId: 'unset', line: 7 }],
      suggestions: [pod(`${bare}    securityContext:\n      allowPrivilegeEscalation: false\n`)],
    },
    {
      code: pod(withSc),
      name: 'fix adds to the existing securityContext',
      errors: [{ messageId: 'unset', line: 9 }],
      suggestions: [pod(`${withSc}      allowPrivilegeEscalation: false\n`)],
    },
    {
      code: pod('initContainers:\n  - {name: i, image: "busybox:1.36"}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext: {allowPrivilegeEscalation: false}\n'),
      name: 'init and ephemeral containers (flow style fix)',
      errors: [{ messageId: 'unset', line: 7, message: "Init container 'i' does not set allowPrivilegeEscalation: false." }, { messageId: 'unset', line: 9 }],
      suggestions: [pod('initContainers:\n  - {name: i, image: "busybox:1.36", securityContext: {allowPrivilegeEscalation: false}}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\ncontainers:\n  - name: app\n    image: nginx:1.27\n    securityContext: {allowPrivilegeEscalation: false}\n')],
    },
  ],
});
