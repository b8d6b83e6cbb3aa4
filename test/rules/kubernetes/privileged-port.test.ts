import rule from '../../../rules/src/kubernetes/privileged-port';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (port: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - containerPort: ${port}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('8080'), 'high port'), { code: pod(c('1024')), name: 'near miss: 1024' }],
  invalid: [
    ...invalidInEveryKind(c('80'), 'port 80', [{ messageId: 'port', line: 5, column: 24, endColumn: 26, message: "Container 'app' listens on privileged port 80." }]),
    { code: pod(`initContainers: [{name: i, image: "b:1", ports: [{containerPort: 443}]}]\n`) + '---\n' + pod(c('"22"')), name: 'init (flow), quoted number, multi-document', errors: [{ messageId: 'port', line: 6 }, { messageId: 'port', line: 17 }] },
  ],
});
