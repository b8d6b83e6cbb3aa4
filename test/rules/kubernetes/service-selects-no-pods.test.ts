import rule from '../../../rules/src/kubernetes/service-selects-no-pods';
import { ruleTester } from '../../utils/rule-tester';

/** A Service whose `selector:` key is on line 6 and first targetPort on line 10. */
const service = (selector: string, targetPort: string, ns = ''): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${ns}spec:\n  selector:\n    ${selector}\n  ports:\n    - port: 80\n      targetPort: ${targetPort}\n`;
const deployment = (labels: string, ns = ''): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n${ns}spec:\n  selector:\n    matchLabels: ${labels}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n          ports:\n            - name: http\n              containerPort: 8080\n`;

ruleTester(rule, {
  valid: [
    { code: `${service('app: web', 'http')}---\n${deployment('{app: web, tier: front}')}`, name: 'selector and named port match' },
    { code: `${service('app: web', '9999')}---\n${deployment('{app: web}')}`, name: 'numeric targetPort is not judged' },
    { code: service('app: web', 'http'), name: 'no workload in the file: pods may be elsewhere' },
    { code: `apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: db.example.com\n---\n${deployment('{app: web}')}`, name: 'no selector' },
    { code: `${service('app: web', 'http', '  namespace: a\n')}---\n${deployment('{app: web}', '  namespace: a\n')}`, name: 'same namespace' },
    { code: `apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: k\nspec:\n  selector: {app: nothing}\n---\n${deployment('{app: web}')}`, name: 'near miss: Knative Service' },
  ],
  invalid: [
    { code: `${service('app: wbe', 'http')}---\n${deployment('{app: web}')}`, name: 'typo in the selector', errors: [{ messageId: 'noPods', line: 6, column: 3, message: "Service 's' selects app=wbe, which no workload in this file carries." }] },
    { code: `${service('app: web', 'http')}---\n${deployment('{app: web}', '  namespace: other\n')}`, name: 'workload in another namespace', errors: [{ messageId: 'noPods', line: 6 }] },
    { code: `${service('app: web', 'https')}---\n${deployment('{app: web}')}`, name: 'unknown port name', errors: [{ messageId: 'unknownPortName', line: 10, column: 19, message: "Service 's' targets port 'https', which no container of the selected pods names." }] },
  ],
});
