import rule from '../../../rules/src/kubernetes/ingress-nginx-snippets';
import { ruleTester } from '../../utils/rule-tester';

const ing = (annotations: string): string => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n${annotations}spec: {}\n`;

ruleTester(rule, {
  valid: [ing('    nginx.ingress.kubernetes.io/rewrite-target: /\n'), { code: ing('    example.com/server-snippet: x\n'), name: 'near miss: other controller' }],
  invalid: [
    { code: ing('    nginx.ingress.kubernetes.io/server-snippet: |\n      location /x {}\n    nginx.ingress.kubernetes.io/auth-snippet: y\n'), errors: [{ messageId: 'snippet', line: 6, column: 5, endColumn: 47, message: "Ingress 'web' uses the snippet annotation 'nginx.ingress.kubernetes.io/server-snippet'." }, { messageId: 'snippet', line: 8 }] },
  ],
});
