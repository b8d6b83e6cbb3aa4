import rule from '../../../rules/src/kubernetes/host-port';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (ports: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n${ports}`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('      - containerPort: 80\n'), 'container port only'), { code: pod(c('      - containerPort: 80\n        hostPort: 0\n')), name: 'near miss: hostPort 0' }],
  invalid: [
    ...invalidInEveryKind(c('      - containerPort: 80\n        hostPort: 8080\n'), 'hostPort', [{ messageId: 'hostPort', line: 6, column: 9, endColumn: 23 }], ['Pod']),
    { code: pod(c('      - hostPort: 8080\n        containerPort: 80\n')), name: 'suggestion removes hostPort (first key)', errors: [{ messageId: 'hostPort', line: 10, message: "Container 'app' binds host port 8080." }], suggestions: [pod(c('      - containerPort: 80\n'))] },
    { code: pod(`initContainers:\n  - {name: i, image: "b:1", ports: [{containerPort: 1, hostPort: 2}]}\n`) + '---\n' + pod(c('      - containerPort: 80\n        hostPort: "9090"\n')), name: 'init (flow), string port, multi-document', errors: [{ messageId: 'hostPort', line: 7 }, { messageId: 'hostPort', line: 19 }], suggestions: [pod(`initContainers:\n  - {name: i, image: "b:1", ports: [{containerPort: 1}]}\n`) + '---\n' + pod(c('      - containerPort: 80\n        hostPort: "9090"\n'))] },
  ],
});
