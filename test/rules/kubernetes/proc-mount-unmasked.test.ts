import rule from '../../../rules/src/kubernetes/proc-mount-unmasked';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (v: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      procMount: ${v}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('Default'), 'Default'), { code: pod(`hostUsers: false\n${c('Unmasked')}`), name: 'near miss: allowed with user namespaces (baseline)' }],
  invalid: [
    ...invalidInEveryKind(c('Unmasked'), 'Unmasked', [{ messageId: 'unmasked', line: 5, column: 18, endColumn: 26, message: "Container 'app' sets procMount: Unmasked." }], ['Pod']),
    { code: pod(c('Unmasked')) + '---\n' + pod('ephemeralContainers: [{name: e, image: "b:1", securityContext: {procMount: Unmasked}}]\n'), name: 'suggestion, ephemeral (flow), multi-document', errors: [{ messageId: 'unmasked', line: 10 }, { messageId: 'unmasked', line: 17 }], suggestions: [pod(c('Default')) + '---\n' + pod('ephemeralContainers: [{name: e, image: "b:1", securityContext: {procMount: Unmasked}}]\n')] },
  ],
});
