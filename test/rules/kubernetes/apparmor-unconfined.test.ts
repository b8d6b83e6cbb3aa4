import rule from '../../../rules/src/kubernetes/apparmor-unconfined';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (type: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      appArmorProfile:\n        type: ${type}\n`;
const annotated = (value: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: ${value}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(c('RuntimeDefault'), 'RuntimeDefault'),
    { code: pod(c('Localhost')), name: 'Localhost' },
    { code: annotated('localhost/k8s-nginx'), name: 'localhost annotation' },
    { code: annotated('runtime/default'), name: 'runtime/default annotation' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n'), name: 'near miss: unset means the runtime default' },
  ],
  invalid: [
    ...invalidInEveryKind(c('Unconfined'), 'container Unconfined', [{ messageId: 'field', line: 6, column: 15, endColumn: 25, message: "Container 'app' sets appArmorProfile.type: Unconfined." }], ['Pod']),
    { code: pod(c('Unconfined')), name: 'suggestion', errors: [{ messageId: 'field', line: 11 }], suggestions: [pod(c('RuntimeDefault'))] },
    { code: annotated('unconfined'), name: 'annotation', errors: [{ messageId: 'annotation', line: 6, column: 57, endColumn: 67, message: "Pod 'p' sets AppArmor profile 'unconfined' for container 'app'." }], suggestions: [annotated('runtime/default')] },
    { code: pod('securityContext:\n  appArmorProfile: {type: Unconfined}\ninitContainers:\n  - name: i\n    image: b:1\n') + '---\n' + pod(c('Unconfined')), name: 'pod level, multi-document', errors: [{ messageId: 'field', line: 7, message: "Pod 'w' sets appArmorProfile.type: Unconfined." }, { messageId: 'field', line: 22 }] },
  ],
});
