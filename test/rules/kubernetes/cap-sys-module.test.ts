import rule from '../../../rules/src/kubernetes/cap-sys-module';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (caps: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        add: ${caps}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('[CHOWN]'), 'default capability'), { code: pod(c('[ALL]')), name: 'near miss: ALL is reported by other rules' }],
  invalid: [
    ...invalidInEveryKind(c('[SYS_MODULE]'), 'SYS_MODULE', [{ messageId: 'sysModule', line: 6, column: 15, endColumn: 25 }], ['Pod']),
    { code: pod(c('[SYS_MODULE]')) + '---\n' + pod(`ephemeralContainers:\n  - name: e\n    image: b:1\n    securityContext: {capabilities: {add: [cap_sys_module]}}\n`), name: 'suggestion, ephemeral, multi-document', errors: [{ messageId: 'sysModule', line: 11 }, { messageId: 'sysModule', line: 21, message: "Ephemeral container 'e' adds SYS_MODULE and can load kernel modules." }], suggestions: [pod('containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        add: []\n') + '---\n' + pod(`ephemeralContainers:\n  - name: e\n    image: b:1\n    securityContext: {capabilities: {add: [cap_sys_module]}}\n`)] },
  ],
});
