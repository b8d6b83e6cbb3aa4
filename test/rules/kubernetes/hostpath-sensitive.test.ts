import rule from '../../../rules/src/kubernetes/hostpath-sensitive';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const v = (path: string): string => `containers:\n  - name: app\n    image: nginx:1.27\nvolumes:\n  - name: h\n    hostPath:\n      path: ${path}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(v('/data/app'), 'non-system directory'), { code: pod(v('/variable')), name: 'near miss: /variable is not /var' }, { code: pod(v('/opt/etc')), name: 'near miss: etc not at the root' }],
  invalid: [
    ...invalidInEveryKind(v('/etc'), '/etc', [{ messageId: 'sensitive', line: 7, column: 13, endColumn: 17 }], ['Pod']),
    { code: pod(v('/')) + '---\n' + pod(v('/var/lib/kubelet/')) + '---\n' + pod('volumes: [{name: p, hostPath: {path: /proc}}]\n'), name: 'root, prefix, flow, multi-document', errors: [{ messageId: 'sensitive', line: 12, message: "Pod 'w' mounts the sensitive host path '/'." }, { messageId: 'sensitive', line: 25 }, { messageId: 'sensitive', line: 32 }] },
  ],
});
