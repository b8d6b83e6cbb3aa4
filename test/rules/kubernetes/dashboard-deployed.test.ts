import rule from '../../../rules/src/kubernetes/dashboard-deployed';
import { ruleTester } from '../../utils/rule-tester';
import { pod } from './kinds';

const c = (image: string): string => pod(`containers:\n  - name: app\n    image: ${image}\n`);

ruleTester(rule, {
  valid: [c('nginx:1.27'), { code: c('grafana/grafana:11.0.0'), name: 'near miss: another dashboard' }],
  invalid: [
    { code: c('kubernetesui/dashboard:v2.7.0'), errors: [{ messageId: 'dashboard', line: 8, column: 14, endColumn: 43 }] },
    { code: c('k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1'), name: 'old image', errors: [{ messageId: 'dashboard', line: 8 }] },
  ],
});
