import rule from '../../../rules/src/kubernetes/ingress-no-tls';
import { ruleTester } from '../../utils/rule-tester';

const ing = (api: string, spec: string): string => `apiVersion: ${api}\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
const rules = '  rules:\n    - host: a.example.com\n';

ruleTester(rule, {
  valid: [ing('networking.k8s.io/v1', `  tls:\n    - hosts: [a.example.com]\n      secretName: t\n${rules}`), { code: ing('example.com/v1', rules), name: 'near miss: a CRD named Ingress' }],
  invalid: [
    { code: ing('networking.k8s.io/v1', rules), errors: [{ messageId: 'noTls', line: 4, column: 9, endColumn: 12, message: "Ingress 'web' has no spec.tls: its hosts are served over plain HTTP." }] },
    { code: ing('extensions/v1beta1', `  tls: []\n${rules}`), name: 'empty tls, old API', errors: [{ messageId: 'noTls', line: 4 }] },
  ],
});
