import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { volumesOf } from '../model/kubernetes/pod';
import { podYaml } from '../model/kubernetes/examples';

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'image']);

export default defineRule({
  id: 'K8S031',
  name: 'restricted-volume-types',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Use only volume types the restricted profile allows',
  fix: 'none',
  defaultOff: true,
  anchors: { pss: ['restricted:restrictedVolumes'], trivy: ['AVD-KSV-0028'] },
  messages: {
    volume: (workload: string, volume: string, type: string) => `${workload} uses a ${type} volume ('${volume}'), which the restricted profile forbids.`,
  },
  docs: {
    summary: 'A pod volume is not one of configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret or image (restricted Pod Security Standard).',
    rationale: 'Other in-tree volume types (hostPath, nfs, iscsi, gitRepo, cephfs …) let pod authors reach node paths or network storage directly, bypassing the storage administrators\' PersistentVolume controls. The restricted standard allows only the listed types; this rule belongs to the restricted profile and is off by default (hostPath is reported by the baseline rule hostpath-volume).',
    remediation: 'Use a PersistentVolumeClaim (backed by a StorageClass or CSI driver) or one of the allowed ephemeral types.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      bad: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\nvolumes:\n  - name: share\n    nfs:\n      server: nfs.local\n      path: /exports\n')],
      good: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\nvolumes:\n  - name: share\n    persistentVolumeClaim:\n      claimName: share\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      for (const v of volumesOf(w)) {
        if (v.source === undefined || ALLOWED.has(v.source)) continue;
        ctx.report({ at: v.range, messageId: 'volume', args: [objectLabel(w.object), v.name ?? '(unnamed)', v.source] });
      }
    },
  },
});
