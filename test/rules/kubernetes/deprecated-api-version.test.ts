import rule from '../../../rules/src/kubernetes/deprecated-api-version';
import { ruleTester } from '../../utils/rule-tester';

const obj = (api: string, kind: string): string => `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: x\n`;

ruleTester(rule, {
  valid: [obj('apps/v1', 'Deployment'), { code: obj('extensions/v1beta1', 'Widget'), name: 'near miss: unknown kind in an old group' }],
  invalid: [
    { code: obj('extensions/v1beta1', 'Deployment'), errors: [{ messageId: 'removed', line: 1, column: 13, endColumn: 31, message: "Deployment 'x' uses extensions/v1beta1, removed in Kubernetes 1.16; use apps/v1." }], suggestions: [obj('apps/v1', 'Deployment')] },
    { code: obj('policy/v1beta1', 'PodSecurityPolicy'), name: 'no replacement', errors: [{ messageId: 'removed', line: 1, message: "PodSecurityPolicy 'x' uses policy/v1beta1, removed in Kubernetes 1.25 with no replacement." }], suggestions: [] },
  ],
});
