import rule from '../../../rules/src/kubernetes/host-network';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replace('true', 'false'), 'explicit false'),
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'unset' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    hostNetwork: true\n'), name: 'near miss: not a container field' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'pod spec', [{ messageId: 'shared', line: 1, column: 1, endColumn: 18 }], ['Pod']),
    {
      code: pod(bad),
      name: 'suggestions remove the key or set false',
      errors: [{ messageId: 'shared', line: 6, column: 3, message: "Pod 'w' sets hostNetwork: true." }],
      suggestions: [pod('containers:\n  - name: app\n    image: nginx:1.27\n'), pod(bad.replace('true', 'false'))],
    },
    {
      code: pod(bad) + '---\n' + pod('containers: [{name: a, image: "x:1"}]\nhostNetwork: true # needed\n'),
      name: 'multi-document, key after containers',
      errors: [{ messageId: 'shared', line: 6 }, { messageId: 'shared', line: 17 }],
    },
  ],
});
