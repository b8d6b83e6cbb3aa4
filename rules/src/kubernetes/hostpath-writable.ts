import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange, mapGet } from '../model/yaml/documents';
import { setIn } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { hostPathsOf } from '../model/kubernetes/pod';
import { podYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S021',
  name: 'hostpath-writable',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Mount hostPath volumes read-only',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:hostPathVolumes'],
    kubeLinter: ['writable-host-mount'],
  },
  messages: {
    writable: (container: string, path: string, hostPath: string) => `${container} mounts host path '${hostPath}' at '${path}' writable.`,
  },
  docs: {
    summary: 'A container mounts a hostPath volume without `readOnly: true`.',
    rationale: 'A writable host mount lets a compromised container change files on the node: plant binaries, rewrite configuration or fill the disk. If a host mount is unavoidable, read-only removes most of that risk. We report every writable hostPath mount, as kube-linter does. (KICS\'s volume_mount_with_os_directory_write_permissions looks at the container-side mountPath of any volume type, a different question, so it is not mapped here.)',
    remediation: 'Set `readOnly: true` on the volumeMount (or remove the hostPath volume).',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    examples: {
      bad: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\n    volumeMounts:\n      - name: logs\n        mountPath: /logs\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n')],
      good: [podYaml('containers:\n  - name: app\n    image: nginx:1.27.2\n    volumeMounts:\n      - name: logs\n        mountPath: /logs\n        readOnly: true\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const h of hostPathsOf(w)) {
        for (const m of h.mounts) {
          if (m.readOnly) continue;
          ctx.report({
            at: nodeRange(file, mapGet(m.node, 'mountPath')) ?? nodeRange(file, m.node) ?? m.container.range,
            messageId: 'writable',
            args: [containerLabel(m.container), m.mountPath ?? '?', h.path ?? '?'],
            fixes: lazySuggestion('Mount read-only', () => setIn(file, m.node, ['readOnly'], true, w.indent)),
          });
        }
      }
    },
  },
});
