import rule from '../../../rules/src/kubernetes/allow-privilege-escalation-true';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replace('true', 'false'), 'explicit false'),
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'unset is the restricted-profile rule, not this one' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'explicit true', [{ messageId: 'escalation', line: 5, column: 33, endColumn: 37, message: "Container 'app' sets allowPrivilegeEscalation: true." }], ['Pod']),
    {
      code: pod(bad),
      name: 'suggestion sets false',
      errors: [{ messageId: 'escalation', line: 10 }],
      suggestions: [pod(bad.replace('true', 'false'))],
    },
    {
      code: pod('initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {allowPrivilegeEscalation: true}\nephemeralContainers:\n  - name: e\n    image: busybox:1.36\n    securityContext:\n      allowPrivilegeEscalation: true\ncontainers:\n  - name: app\n    image: nginx:1.27\n') + '---\n' + pod(bad),
      name: 'init, ephemeral, multi-document',
      errors: [
        { messageId: 'escalation', line: 9, message: "Init container 'i' sets allowPrivilegeEscalation: true." },
        { messageId: 'escalation', line: 14, message: "Ephemeral container 'e' sets allowPrivilegeEscalation: true." },
        { messageId: 'escalation', line: 28 },
      ],
    },
  ],
});
