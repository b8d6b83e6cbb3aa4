import rule from '../../../rules/src/kubernetes/tiller-deployed';
import { ruleTester } from '../../utils/rule-tester';
import { pod } from './kinds';

const c = (image: string): string => pod(`containers:\n  - name: app\n    image: ${image}\n`);

ruleTester(rule, {
  valid: [c('nginx:1.27'), { code: c('example.com/distiller:1.0'), name: 'near miss: distiller' }],
  invalid: [
    { code: c('gcr.io/kubernetes-helm/tiller:v2.16.1'), errors: [{ messageId: 'image', line: 8, column: 14, endColumn: 51, message: "Container 'app' runs Tiller (gcr.io/kubernetes-helm/tiller:v2.16.1), the Helm v2 server." }] },
    { code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: tiller-deploy\nspec:\n  selector: {app: helm, name: tiller}\n', name: 'Service', errors: [{ messageId: 'service', line: 4, column: 9 }] },
  ],
});
