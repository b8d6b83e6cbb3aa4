import rule from '../../../rules/src/kubernetes/seccomp-unconfined';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (type: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      seccompProfile:\n        type: ${type}\n`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('RuntimeDefault'), 'RuntimeDefault'),
    { code: pod(c('Localhost\n        localhostProfile: p.json')), name: 'Localhost' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'near miss: unset is the restricted rule seccomp-not-set' },
  ],
  invalid: [
    ...invalidInEveryKind(c('Unconfined'), 'container Unconfined', [{ messageId: 'field', line: 6, column: 15, endColumn: 25, message: "Container 'app' sets seccompProfile.type: Unconfined." }], ['Pod']),
    { code: pod(c('Unconfined')), name: 'suggestion', errors: [{ messageId: 'field', line: 11 }], suggestions: [pod(c('RuntimeDefault'))] },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\nspec:\n  securityContext:\n    seccompProfile: {type: Unconfined}\n  containers:\n    - name: app\n      image: nginx:1.27\n', name: 'pod field and legacy annotation', errors: [{ messageId: 'annotation', line: 6, column: 47, endColumn: 57 }, { messageId: 'field', line: 9, message: "Pod 'p' sets seccompProfile.type: Unconfined." }] },
  ],
});
