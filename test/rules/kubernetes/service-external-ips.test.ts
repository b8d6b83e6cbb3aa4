import rule from '../../../rules/src/kubernetes/service-external-ips';
import { ruleTester } from '../../utils/rule-tester';

const svc = (spec: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec}`;

ruleTester(rule, {
  valid: [svc('  ports: [{port: 80}]\n'), { code: svc('  ports: [{port: 80}]\n  loadBalancerIP: 1.2.3.4\n'), name: 'near miss: loadBalancerIP' }],
  invalid: [
    { code: svc('  ports: [{port: 80}]\n  externalIPs:\n    - 203.0.113.10\n'), errors: [{ messageId: 'externalIps', line: 7, column: 3, endColumn: 14, message: "Service 's' sets spec.externalIPs." }], suggestions: [svc('  ports: [{port: 80}]\n')] },
  ],
});
