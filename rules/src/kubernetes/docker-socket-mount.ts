import { defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { hostPathsOf, isRuntimeSocket } from '../model/kubernetes/pod';
import { podYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S022',
  name: 'docker-socket-mount',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not mount the container runtime socket',
  fix: 'none',
  anchors: {
    pss: ['baseline:hostPathVolumes'],
    kubeLinter: ['docker-sock'],
    checkov: ['CKV_K8S_27'],
    trivy: ['AVD-KSV-0006'],
    kubesec: ['DockerSock'],
    kics: ['a6f34658-fdfb-4154-9536-56d516f65828'],
  },
  messages: {
    socket: (workload: string, path: string) => `${workload} mounts the container runtime socket '${path}'.`,
  },
  docs: {
    summary: 'A hostPath volume points at the Docker, containerd or CRI-O socket (or its run directory).',
    rationale: 'Whoever can talk to the runtime socket can start a privileged container with the node\'s root file system mounted: it is root on the node, and it bypasses every admission control of the cluster.',
    remediation: 'Remove the volume and its volumeMount; build images with a daemonless builder (BuildKit rootless, kaniko) and read runtime data through the kubelet or a dedicated agent.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      bad: [podYaml('containers:\n  - name: app\n    image: docker:27\nvolumes:\n  - name: sock\n    hostPath:\n      path: /var/run/docker.sock\n')],
      good: [podYaml('containers:\n  - name: app\n    image: docker:27\nvolumes:\n  - name: work\n    emptyDir: {}\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      for (const h of hostPathsOf(w)) {
        if (h.path === undefined || !isRuntimeSocket(h.path)) continue;
        ctx.report({ at: nodeRange(w.object.file, h.pathNode) ?? h.volume.range, messageId: 'socket', args: [objectLabel(w.object), h.path] });
      }
    },
  },
});
