import rule from '../../../rules/src/kubernetes/unsafe-sysctls';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const s = (names: string[]): string => `securityContext:\n  sysctls:\n${names.map((n) => `    - name: ${n}\n      value: "1"\n`).join('')}containers:\n  - name: app\n    image: nginx:1.27\n`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(s(['net.ipv4.tcp_syncookies', 'kernel.shm_rmid_forced']), 'safe sysctls'),
    { code: pod(s(['net/ipv4/ip_local_port_range'])), name: 'near miss: slash notation of a safe sysctl (kube-linter would flag net.*)' },
  ],
  invalid: [
    ...invalidInEveryKind(s(['net.ipv4.tcp_syncookies', 'kernel.msgmax']), 'kernel.msgmax', [{ messageId: 'unsafe', line: 5, column: 13, endColumn: 26, message: "Pod 'w' sets the unsafe sysctl 'kernel.msgmax'." }]),
    { code: pod(s(['net.core.somaxconn'])) + '---\n' + pod('securityContext: {sysctls: [{name: vm.swappiness, value: "1"}]}\n'), name: 'net.core, flow, multi-document', errors: [{ messageId: 'unsafe', line: 8 }, { messageId: 'unsafe', line: 19 }] },
  ],
});
