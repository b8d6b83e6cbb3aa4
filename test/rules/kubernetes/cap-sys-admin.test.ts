import rule from '../../../rules/src/kubernetes/cap-sys-admin';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (caps: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        add: ${caps}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('[CHOWN]'), 'default capability'), { code: pod(c('[SYS_ADMINISTRATOR]')), name: 'near miss: similar name' }],
  invalid: [
    ...invalidInEveryKind(c('[SYS_ADMIN]'), 'SYS_ADMIN', [{ messageId: 'sysAdmin', line: 6, column: 15, endColumn: 24 }], ['Pod']),
    { code: pod(c('[CHOWN, SYS_ADMIN]')), name: 'suggestion removes it', errors: [{ messageId: 'sysAdmin', line: 11, message: "Container 'app' adds SYS_ADMIN, which is close to running privileged." }], suggestions: [pod(c('[CHOWN]'))] },
    { code: pod(`initContainers:\n  - name: i\n    image: b:1\n    securityContext: {capabilities: {add: [all]}}\n${c('[SYS_ADMIN]')}`) + '---\n' + pod(c('[CAP_SYS_ADMIN]')), name: 'init, ALL, multi-document', errors: [{ messageId: 'sysAdmin', line: 9 }, { messageId: 'sysAdmin', line: 15 }, { messageId: 'sysAdmin', line: 27 }] },
  ],
});
