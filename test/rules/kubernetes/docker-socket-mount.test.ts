import rule from '../../../rules/src/kubernetes/docker-socket-mount';
import { ruleTester } from '../../utils/rule-tester';
import { invalidInEveryKind, validInEveryKind, pod } from './kinds';

const v = (path: string): string => `containers:\n  - name: app\n    image: nginx:1.27\nvolumes:\n  - name: s\n    hostPath:\n      path: ${path}\n`;

ruleTester(rule, {
  valid: [...validInEveryKind(v('/var/log'), 'other host path'), { code: pod(v('/data/docker.socket.txt')), name: 'near miss: not a socket' }],
  invalid: [
    ...invalidInEveryKind(v('/var/run/docker.sock'), 'docker.sock', [{ messageId: 'socket', line: 7, column: 13, endColumn: 33 }], ['Pod']),
    { code: pod(v('/run/containerd/containerd.sock')) + '---\n' + pod(v('/var/run/crio/crio.sock')) + '---\n' + pod(v('/var/run')), name: 'containerd, CRI-O, run dir parent is not flagged', errors: [{ messageId: 'socket', line: 12, message: "Pod 'w' mounts the container runtime socket '/run/containerd/containerd.sock'." }, { messageId: 'socket', line: 25 }] },
  ],
});
