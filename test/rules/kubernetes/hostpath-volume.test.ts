import rule from '../../../rules/src/kubernetes/hostpath-volume';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const bad = dedent`
  containers:
    - name: app
      image: nginx:1.27
  volumes:
    - name: data
      hostPath:
        path: /var/data
    - name: tmp
      emptyDir: {}
`;

ruleTester(rule, {
  valid: [
    ...validInEveryKind(bad.replace('hostPath:\n      path: /var/data', 'persistentVolumeClaim:\n      claimName: data'), 'PVC and emptyDir'),
    { code: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  nfs: {server: s, path: /}\n', name: 'PersistentVolume without hostPath' },
    { code: pod('containers:\n  - name: app\n    image: nginx:1.27\n    volumeMounts:\n      - name: hostPath\n        mountPath: /x\nvolumes:\n  - name: hostPath\n    configMap: {name: c}\n'), name: 'near miss: a volume named hostPath' },
  ],
  invalid: [
    ...invalidInEveryKind(bad, 'hostPath volume', [{ messageId: 'hostPath', line: 7, column: 13, endColumn: 22 }], ['Pod']),
    { code: pod(bad), name: 'message names the path', errors: [{ messageId: 'hostPath', line: 12, column: 15, endColumn: 24, message: "Pod 'w' mounts host path '/var/data' as volume 'data'." }] },
    {
      code: pod('volumes: [{name: sock, hostPath: {path: /run/containerd.sock}}]\ncontainers:\n  - name: app\n    image: nginx:1.27\n') + '---\n' + pod(bad),
      name: 'flow style, multi-document',
      errors: [{ messageId: 'hostPath', line: 6, message: "Pod 'w' mounts host path '/run/containerd.sock' as volume 'sock'." }, { messageId: 'hostPath', line: 22 }],
    },
    {
      code: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity: {storage: 1Gi}\n  hostPath:\n    path: /mnt/data\n',
      name: 'PersistentVolume with hostPath',
      errors: [{ messageId: 'persistentVolume', line: 8, column: 11, endColumn: 20, message: "PersistentVolume 'pv' exposes host path '/mnt/data' to any claim bound to it." }],
    },
  ],
});
