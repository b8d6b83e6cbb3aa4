import { defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { hostPathsOf, isSensitiveHostPath } from '../model/kubernetes/pod';
import { podYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S020',
  name: 'hostpath-sensitive',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not mount sensitive host directories',
  fix: 'none',
  anchors: {
    pss: ['baseline:hostPathVolumes'],
    kubeLinter: ['sensitive-host-mounts'],
    trivy: ['AVD-KSV-0121'],
    kubesec: ['ProcMount'],
    kics: ['5308a7a8-06f8-45ac-bf10-791fe21de46e'],
  },
  messages: {
    sensitive: (workload: string, path: string) => `${workload} mounts the sensitive host path '${path}'.`,
  },
  docs: {
    summary: 'A hostPath volume (of a pod or a PersistentVolume) points at `/` or a system directory (/boot, /dev, /etc, /home, /lib, /proc, /root, /run, /sys, /usr, /var …).',
    rationale: 'These directories hold node credentials (kubelet keys under /var/lib/kubelet, /etc/kubernetes), runtime sockets, kernel interfaces (/proc, /sys) and binaries; mounting them, even read-only, gives a container strong leverage over the node. We use prefix matching, as KICS does (so /var/lib/data counts); kube-linter matches only the exact directories. The baseline Pod Security Standard forbids all hostPath volumes (see hostpath-volume).',
    remediation: 'Remove the volume and its mounts; expose what the workload needs through a narrower mechanism (a ConfigMap, a CSI driver, a dedicated node agent).',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      bad: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\nvolumes:\n  - name: etc\n    hostPath:\n      path: /etc\n')],
      good: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\nvolumes:\n  - name: cache\n    emptyDir: {}\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'PersistentVolume') return;
      const node = getIn(o.node, ['spec', 'hostPath', 'path']);
      const path = stringValue(node);
      if (path !== undefined && isSensitiveHostPath(path)) ctx.report({ at: nodeRange(o.file, node) ?? o.headRange, messageId: 'sensitive', args: [objectLabel(o), path] });
    },
    onWorkload(w, ctx) {
      for (const h of hostPathsOf(w)) {
        if (h.path === undefined || !isSensitiveHostPath(h.path)) continue;
        ctx.report({ at: nodeRange(w.object.file, h.pathNode) ?? h.volume.range, messageId: 'sensitive', args: [objectLabel(w.object), h.path] });
      }
    },
  },
});
