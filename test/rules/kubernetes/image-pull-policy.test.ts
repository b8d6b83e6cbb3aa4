import rule from '../../../rules/src/kubernetes/image-pull-policy';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (extra: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n${extra}`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('    imagePullPolicy: Always\n'), 'Always'), { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' }],
  invalid: [
    ...invalidInEveryKind(c('    imagePullPolicy: IfNotPresent\n'), 'IfNotPresent', [{ messageId: 'policy', line: 4, column: 22, endColumn: 34, message: "Container 'app' uses imagePullPolicy IfNotPresent." }], ['Pod']),
    { code: pod(c('    imagePullPolicy: Never\n')), name: 'suggestion replaces', errors: [{ messageId: 'policy', line: 9 }], suggestions: [pod(c('    imagePullPolicy: Always\n'))] },
    { code: pod(c('')), name: 'unset, suggestion adds', errors: [{ messageId: 'unset', line: 7, column: 13, message: "Container 'app' does not set imagePullPolicy: Always." }], suggestions: [pod(c('    imagePullPolicy: Always\n'))] },
  ],
});
