import rule from '../../../rules/src/kubernetes/hostpath-writable';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const v = (mount: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    volumeMounts:\n      - name: h\n        mountPath: /host${mount}\nvolumes:\n  - name: h\n    hostPath:\n      path: /data\n  - name: e\n    emptyDir: {}\n`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(v('\n        readOnly: true'), 'read-only mount'),
    { code: pod(v('').replace('name: h\n        mountPath', 'name: e\n        mountPath')), name: 'near miss: writable emptyDir mount' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\nvolumes:\n  - name: h\n    hostPath: {path: /data}\n'), name: 'hostPath without a mount' },
  ],
  invalid: [
    ...invalidInEveryKind(v(''), 'writable', [{ messageId: 'writable', line: 6, column: 20, endColumn: 25 }], ['Pod']),
    { code: pod(v('')), name: 'suggestion sets readOnly', errors: [{ messageId: 'writable', line: 11, message: "Container 'app' mounts host path '/data' at '/host' writable." }], suggestions: [pod(v('\n        readOnly: true'))] },
    { code: pod(`initContainers:\n  - name: i\n    image: b:1\n    volumeMounts: [{name: h, mountPath: /x, readOnly: false}]\n${v('')}`), name: 'init container readOnly false (flow)', errors: [{ messageId: 'writable', line: 9 }, { messageId: 'writable', line: 15 }], suggestions: [pod(`initContainers:\n  - name: i\n    image: b:1\n    volumeMounts: [{name: h, mountPath: /x, readOnly: true}]\n${v('')}`)] },
  ],
});
