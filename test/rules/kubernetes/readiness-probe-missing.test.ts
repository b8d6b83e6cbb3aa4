import rule from '../../../rules/src/kubernetes/readiness-probe-missing';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod, BATCH_KINDS } from './kinds';

const bare = 'containers:\n  - name: app\n    image: nginx:1.27\n';

ruleTester(rule, {
  valid: [
    ...validInEveryKind(`${bare}    readinessProbe:\n      tcpSocket: {port: 80}\n`, 'probe set'),
    ...validInEveryKind(bare, 'batch workloads are skipped', ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate']),
    { code: pod(`initContainers:\n  - name: i\n    image: b:1\n${bare}    readinessProbe: {exec: {command: [true]}}\n`), name: 'near miss: init containers need no probe' },
    { code: pod('containers:\n  - name: app\n'), filename: 'overlays/prod/patch.yaml', name: 'patch' },
  ],
  invalid: [
    ...invalidInEveryKind(bare, 'missing', [{ messageId: 'missing', line: 2, column: 11, endColumn: 14, message: "Container 'app' has no readinessProbe." }], BATCH_KINDS),
  ],
});
