import rule from '../../../rules/src/kubernetes/statefulset-service-headless';
import { ruleTester } from '../../utils/rule-tester';

/** A Service of 9 lines; the StatefulSet after `---` has its serviceName on line 16. */
const service = (clusterIP: string, app = 'db', name = 'db'): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${clusterIP}  selector: {app: ${app}}\n  ports:\n    - port: 5432\n`;
const statefulSet = (ns = ''): string => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n${ns}spec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db, tier: data}\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n`;

ruleTester(rule, {
  valid: [
    { code: `${service('  clusterIP: None\n')}---\n${statefulSet()}`, name: 'headless and selecting' },
    { code: statefulSet(), name: 'Service elsewhere' },
    { code: `${service('  clusterIP: 10.0.0.1\n', 'db', 'other')}---\n${statefulSet()}`, name: 'another Service' },
    { code: `${service('  clusterIP: 10.0.0.1\n')}---\n${statefulSet('  namespace: prod\n')}`, name: 'near miss: same name in another namespace' },
  ],
  invalid: [
    { code: `${service('  clusterIP: 10.0.0.12\n')}---\n${statefulSet()}`, errors: [{ messageId: 'notHeadless', line: 16, column: 16, message: "StatefulSet 'db' names Service 'db' as its serviceName, but that Service is not headless (clusterIP: 10.0.0.12); its pods get no stable DNS names." }] },
    { code: `${service('')}---\n${statefulSet()}`, name: 'clusterIP unset', errors: [{ messageId: 'notHeadless', line: 15, message: "StatefulSet 'db' names Service 'db' as its serviceName, but that Service is not headless (clusterIP: unset, so one is allocated); its pods get no stable DNS names." }] },
    { code: `${service('  clusterIP: None\n', 'cache')}---\n${statefulSet()}`, name: 'selects other pods', errors: [{ messageId: 'notSelecting', line: 16 }] },
  ],
});
