import rule from '../../../rules/src/kubernetes/security-context-missing';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [...validInEveryKind(`securityContext: {}\n${bare}    securityContext: {}\n`, 'both present (even empty)'), { code: pod('containers:\n  - name: app\n    env: []\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' }],
  invalid: [
    ...invalidInEveryKind(`securityContext:\n  runAsNonRoot: true\n${bare}`, 'container missing', [{ messageId: 'container', line: 4, column: 11, endColumn: 14, message: "Container 'app' has no securityContext." }]),
    { code: pod(bare), name: 'pod and container missing', errors: [{ messageId: 'pod', line: 5, column: 1, endColumn: 5, message: "Pod 'w' has no pod securityContext." }, { messageId: 'container', line: 7 }] },
  ],
});
