import rule from '../../../rules/src/kubernetes/secret-in-env-ref';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const c = (env: string): string => `containers:\n  - name: app\n    image: nginx:1.27\n${env}`;

ruleTester(rule, {
  valid: [...validInEveryKind(c('    env:\n      - name: A\n        valueFrom:\n          configMapKeyRef: {name: c, key: k}\n'), 'configMap ref'), { code: pod(c('    envFrom:\n      - configMapRef: {name: c}\n')), name: 'near miss: configMap envFrom' }],
  invalid: [
    ...invalidInEveryKind(c('    env:\n      - name: PASS\n        valueFrom:\n          secretKeyRef: {name: s, key: k}\n'), 'secretKeyRef', [{ messageId: 'env', line: 7, column: 11, endColumn: 23, message: "Container 'app' reads a Secret into environment variable 'PASS'." }]),
    { code: pod(c('    envFrom:\n      - secretRef:\n          name: s\n')), name: 'envFrom', errors: [{ messageId: 'envFrom', line: 10, column: 11, message: "Container 'app' loads a whole Secret into its environment with envFrom." }] },
  ],
});
