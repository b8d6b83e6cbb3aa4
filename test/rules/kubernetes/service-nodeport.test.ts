import rule from '../../../rules/src/kubernetes/service-nodeport';
import { ruleTester } from '../../utils/rule-tester';

const svc = (type: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`;

ruleTester(rule, {
  valid: [svc('ClusterIP'), { code: svc('NodePort').replace('apiVersion: v1', 'apiVersion: serving.knative.dev/v1'), name: 'near miss: Knative Service' }],
  invalid: [
    { code: svc('NodePort'), errors: [{ messageId: 'nodePort', line: 6, column: 9, endColumn: 17, message: "Service 's' is of type NodePort and opens a port on every node." }] },
    { code: svc('ClusterIP') + '---\n' + svc('NodePort'), name: 'multi-document', errors: [{ messageId: 'nodePort', line: 14 }] },
  ],
});
