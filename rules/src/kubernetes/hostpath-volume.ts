import { defineRule } from '../engine/rule';
import { getIn, mapGet, nodeRange, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { volumesOf } from '../model/kubernetes/pod';

export default defineRule({
  id: 'K8S009',
  name: 'hostpath-volume',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Pods should not mount hostPath volumes',
  fix: 'none',
  anchors: {
    pss: ['baseline:hostPathVolumes'],
    trivy: ['AVD-KSV-0023'],
    polaris: ['hostPathSet'],
    kics: ['aa8f7a35-9923-4cad-bd61-a19b7f6aac91'],
  },
  messages: {
    hostPath: (workload: string, volume: string, path: string) => `${workload} mounts host path '${path}' as volume '${volume}'.`,
    persistentVolume: (pv: string, path: string) => `${pv} exposes host path '${path}' to any claim bound to it.`,
  },
  docs: {
    summary: 'The pod declares a `hostPath` volume (or a PersistentVolume uses `hostPath`).',
    rationale: 'A hostPath volume exposes part of the node\'s file system to the container; writable or sensitive paths let a compromised container tamper with the node or read other pods\' data. The baseline Pod Security Standard forbids every hostPath volume. KICS exempts pods in kube-system; we follow PSS and flag them everywhere (suppress with a reason where a node agent really needs it).',
    remediation: 'Replace the hostPath volume with an emptyDir, a configMap/secret, or a PersistentVolumeClaim; if a node agent truly needs it, mount it readOnly and suppress this finding with a reason.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: data\n      hostPath:\n        path: /data\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n  volumes:\n    - name: data\n      emptyDir: {}\n'],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'PersistentVolume') return;
      const source = getIn(o.node, ['spec', 'hostPath']);
      if (source === undefined) return;
      const path = mapGet(source, 'path');
      ctx.report({ at: nodeRange(o.file, path) ?? o.headRange, messageId: 'persistentVolume', args: [objectLabel(o), stringValue(path) ?? '?'] });
    },
    onWorkload(w, ctx) {
      for (const v of volumesOf(w)) {
        if (v.source !== 'hostPath') continue;
        const path = mapGet(v.sourceNode, 'path');
        ctx.report({ at: nodeRange(w.object.file, path) ?? v.range, messageId: 'hostPath', args: [objectLabel(w.object), v.name ?? '(unnamed)', stringValue(path) ?? '?'] });
      }
    },
  },
});
