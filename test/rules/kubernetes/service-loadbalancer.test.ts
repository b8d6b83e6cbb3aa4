import rule from '../../../rules/src/kubernetes/service-loadbalancer';
import { ruleTester } from '../../utils/rule-tester';

const svc = (annotations: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${annotations}spec:\n  type: LoadBalancer\n`;

ruleTester(rule, {
  valid: [
    { code: svc('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-internal: "true"\n'), name: 'AWS internal' },
    { code: svc('  annotations:\n    networking.gke.io/load-balancer-type: Internal\n'), name: 'GKE internal' },
    { code: svc('').replace('LoadBalancer', 'ClusterIP'), name: 'ClusterIP' },
  ],
  invalid: [
    { code: svc(''), name: 'no annotations', errors: [{ messageId: 'external', line: 4, column: 9, endColumn: 10, message: "Service 's' gets an external load balancer (no internal-load-balancer annotation)." }] },
    { code: svc('  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "false"\n'), name: 'near miss: internal set to false', errors: [{ messageId: 'external', line: 5, column: 3 }] },
  ],
});
