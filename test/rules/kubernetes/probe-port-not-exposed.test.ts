import rule from '../../../rules/src/kubernetes/probe-port-not-exposed';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (probe: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n      - name: http\n        containerPort: 8080\n${probe}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('    livenessProbe:\n      httpGet: {path: /, port: http}\n'), 'named port exists'),
    { code: pod(c('    readinessProbe:\n      tcpSocket: {port: 8080}\n')), name: 'numeric port declared' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /, port: 9000}\n'), name: 'near miss: no ports declared at all' },
  ],
  invalid: [
    ...invalidInEveryKind(c('    livenessProbe:\n      httpGet:\n        path: /\n        port: web\n'), 'unknown name', [{ messageId: 'namedPort', line: 10, column: 15, endColumn: 18, message: "Container 'app' livenessProbe uses port 'web', which no containerPort is named." }]),
    { code: pod(c('    startupProbe:\n      grpc: {port: 9090}\n')), name: 'numeric port not declared', errors: [{ messageId: 'number', line: 13, message: "Container 'app' startupProbe uses port 9090, which is not a declared containerPort." }] },
  ],
});
