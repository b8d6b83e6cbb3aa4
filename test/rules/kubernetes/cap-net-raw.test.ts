import rule from '../../../rules/src/kubernetes/cap-net-raw';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (sc: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n${sc}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('    securityContext:\n      capabilities:\n        drop: [NET_RAW]\n'), 'NET_RAW dropped'),
    { code: pod(c('    securityContext:\n      capabilities:\n        drop: [all]\n')), name: 'ALL dropped, lower case' },
    { code: pod('containers:\n  - name: app\n    args: [x]\n'), filename: 'overlays/prod/patch.yaml', name: 'patch without image' },
  ],
  invalid: [
    ...invalidInEveryKind(c(''), 'nothing dropped', [{ messageId: 'notDropped', line: 2, column: 11, endColumn: 14 }], ['Pod']),
    { code: pod(c('')), name: 'suggestion drops ALL', errors: [{ messageId: 'notDropped', line: 7, message: "Container 'app' keeps NET_RAW: neither NET_RAW nor ALL is dropped." }], suggestions: [pod(c('    securityContext:\n      capabilities:\n        drop: [ALL]\n'))] },
    { code: pod(c('    securityContext:\n      capabilities:\n        add: [NET_RAW]\n        drop: [NET_RAW]\n')) + '---\n' + pod(`initContainers:\n  - name: i\n    image: b:1\n    securityContext: {capabilities: {drop: [CHOWN]}}\n`), name: 'added NET_RAW; init container; multi-document', errors: [{ messageId: 'added', line: 11, column: 17, endColumn: 24 }, { messageId: 'notDropped', line: 22 }] },
  ],
});
