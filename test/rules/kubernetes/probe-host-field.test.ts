import rule from '../../../rules/src/kubernetes/probe-host-field';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (probe: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n${probe}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: 8080\n'), 'no host'),
    { code: pod(c('    readinessProbe:\n      httpGet:\n        host: ""\n        port: 80\n        httpHeaders: [{name: Host, value: example.com}]\n')), name: 'near miss: empty host and a Host header' },
  ],
  invalid: [
    ...invalidInEveryKind(c('    livenessProbe:\n      httpGet:\n        host: 10.0.0.1\n        port: 80\n'), 'liveness httpGet', [{ messageId: 'host', line: 6, column: 9, endColumn: 23, message: "Container 'app' sends livenessProbe.httpGet to host '10.0.0.1'." }], ['Pod']),
    { code: pod(c('    livenessProbe:\n      httpGet:\n        host: 10.0.0.1\n        port: 80\n')), name: 'suggestion removes host', errors: [{ messageId: 'host', line: 11 }], suggestions: [pod(c('    livenessProbe:\n      httpGet:\n        port: 80\n'))] },
    { code: pod(c('    startupProbe: {tcpSocket: {host: db, port: 5432}}\n    lifecycle:\n      preStop:\n        httpGet: {host: metadata, path: /, port: 80}\n')), name: 'startup tcpSocket and preStop hook', errors: [{ messageId: 'host', line: 9 }, { messageId: 'host', line: 12, message: "Container 'app' sends lifecycle.preStop.httpGet to host 'metadata'." }] },
  ],
});
