import rule from '../../../rules/src/kubernetes/namespace-limitrange-quota';
import { ruleTester } from '../../utils/rule-tester';

const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const obj = (kind: string): string => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n  namespace: shop\nspec: {}\n`;

ruleTester(rule, {
  valid: [
    { code: `${ns}---\n${obj('LimitRange')}---\n${obj('ResourceQuota')}`, name: 'both present' },
    { code: obj('Pod'), name: 'no Namespace object in the file' },
    { code: `${ns}---\n${obj('ConfigMap')}`, name: 'near miss: namespace file with only config objects' },
  ],
  invalid: [
    { code: ns, name: 'bare namespace', errors: [{ messageId: 'missing', line: 4, column: 9, endColumn: 13, message: "Namespace 'shop' is defined here without a LimitRange in the same file." }, { messageId: 'missing', line: 4, message: "Namespace 'shop' is defined here without a ResourceQuota in the same file." }] },
    { code: `${ns}---\n${obj('LimitRange')}`, name: 'quota missing', errors: [{ messageId: 'missing', line: 4 }] },
  ],
});
