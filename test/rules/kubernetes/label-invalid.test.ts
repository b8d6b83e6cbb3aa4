import rule from '../../../rules/src/kubernetes/label-invalid';
import { ruleTester } from '../../utils/rule-tester';

const labelled = (labels: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n${labels}spec:\n  containers:\n    - name: app\n      image: nginx:1.27.2\n`;
const deployment = (templateLabels: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels:\n${templateLabels}    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.2\n`;

ruleTester(rule, {
  valid: [
    { code: labelled('    app: web\n    app.kubernetes.io/version: 1.2.3-rc_1\n    empty: ""\n    tier: null\n'), name: 'valid keys and values, empty value' },
    { code: labelled('    replicas: 3\n    enabled: true\n'), name: 'numbers and booleans are valid text' },
    { code: deployment('        app: d\n'), name: 'template labels' },
    { code: labelled(`    x: ${'a'.repeat(63)}\n`), name: 'near miss: 63 characters' },
    { code: labelled('    shard: "{{shard_label}}"\n    env: ${ENV}\n'), name: 'unresolved template placeholders' },
  ],
  invalid: [
    { code: labelled('    app: g**dy.l+bel.\n'), errors: [{ messageId: 'invalidValue', line: 6, column: 10, message: "Pod 'p' has label app with the invalid value 'g**dy.l+bel.' (at most 63 characters: letters, digits, '-', '_', '.', starting and ending with a letter or digit)." }] },
    { code: labelled(`    x: ${'a'.repeat(64)}\n`), name: '64 characters', errors: [{ messageId: 'invalidValue', line: 6 }] },
    { code: labelled('    Example.com/app: web\n    /app: web\n    app/: web\n'), name: 'bad keys', errors: [{ messageId: 'invalidKey', line: 6 }, { messageId: 'invalidKey', line: 7 }, { messageId: 'invalidKey', line: 8 }] },
    { code: deployment('        branch: feature/x\n'), name: 'pod template label', errors: [{ messageId: 'invalidValue', line: 11, message: "Deployment 'd' has label branch with the invalid value 'feature/x' (at most 63 characters: letters, digits, '-', '_', '.', starting and ending with a letter or digit)." }] },
  ],
});
