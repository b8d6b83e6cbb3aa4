import rule from '../../../rules/src/kubernetes/restricted-volume-types';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const v = (vol: string): string => `containers:\n  - name: app\n    image: nginx:1.27\nvolumes:\n  - name: v\n${vol}`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(v('    projected:\n      sources: []\n  - name: c\n    configMap: {name: c}\n  - name: e\n    ephemeral: {}\n'), 'allowed types'),
    { code: pod(v('    csi: {driver: x}\n')), name: 'near miss: csi is allowed' },
  ],
  invalid: [
    ...invalidInEveryKind(v('    nfs:\n      server: s\n      path: /\n'), 'nfs', [{ messageId: 'volume', line: 6, column: 5, endColumn: 8, message: "Pod 'w' uses a nfs volume ('v'), which the restricted profile forbids." }]),
    { code: pod(v('    hostPath: {path: /x}\n  - gitRepo: {repository: r}\n    name: g\n')), name: 'hostPath and gitRepo (name after the source)', errors: [{ messageId: 'volume', line: 11 }, { messageId: 'volume', line: 12, column: 7 }] },
  ],
});
