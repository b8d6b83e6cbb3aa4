import rule from '../../../rules/src/kubernetes/selinux-custom-options';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (opts: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      seLinuxOptions:\n${opts}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('        type: container_t\n        level: "s0:c1,c2"\n'), 'allowed type and a level'),
    { code: pod(c('        type: container_engine_t\n        user: ""\n')), name: 'near miss: container_engine_t and empty user' },
  ],
  invalid: [
    ...invalidInEveryKind(c('        type: spc_t\n'), 'spc_t', [{ messageId: 'type', line: 6, column: 15, endColumn: 20, message: "Container 'app' sets SELinux type 'spc_t'." }]),
    { code: pod('securityContext:\n  seLinuxOptions: {user: system_u, role: sysadm_r}\ncontainers: []\n') + '---\n' + pod(`initContainers:\n  - name: i\n    image: b:1\n    securityContext:\n      seLinuxOptions:\n        type: unconfined_t\n`), name: 'pod-level user and role, init container, multi-document', errors: [{ messageId: 'userRole', line: 7, column: 22, endColumn: 36, message: "Pod 'w' sets seLinuxOptions.user." }, { messageId: 'userRole', line: 7, column: 38 }, { messageId: 'type', line: 20 }] },
  ],
});
