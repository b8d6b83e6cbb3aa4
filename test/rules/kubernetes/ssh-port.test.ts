import rule from '../../../rules/src/kubernetes/ssh-port';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (port: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - containerPort: ${port}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('8080'), 'other port'), { code: pod(c('2222')), name: 'near miss: 2222' }],
  invalid: [
    ...invalidInEveryKind(c('22'), 'port 22', [{ messageId: 'ssh', line: 5, column: 24, endColumn: 26, message: "Container 'app' exposes port 22 (SSH)." }]),
    { code: pod(c('80')) + '---\n' + pod(c('22')), name: 'multi-document', errors: [{ messageId: 'ssh', line: 21 }] },
  ],
});
