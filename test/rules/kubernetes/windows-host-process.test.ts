import rule from '../../../rules/src/kubernetes/windows-host-process';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (v: string): string => `containers:\n  - name: app\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    securityContext:\n      windowsOptions:\n        hostProcess: ${v}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('false'), 'false'), { code: pod(c('"true"')), name: 'near miss: a string is not the boolean' }],
  invalid: [
    ...invalidInEveryKind(c('true'), 'container', [{ messageId: 'hostProcess', line: 6, column: 22, endColumn: 26 }], ['Pod']),
    { code: pod(`securityContext:\n  windowsOptions: {hostProcess: true}\n${c('true')}`), name: 'pod and container, suggestion', errors: [{ messageId: 'hostProcess', line: 7, message: "Pod 'w' sets windowsOptions.hostProcess: true." }, { messageId: 'hostProcess', line: 13, message: "Container 'app' sets windowsOptions.hostProcess: true." }], suggestions: [pod(`securityContext:\n  windowsOptions: {hostProcess: false}\n${c('true')}`)] },
  ],
});
