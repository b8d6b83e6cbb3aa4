import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue, seqItems } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { securityContextsOf } from '../model/kubernetes/pod';
import { podYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S033',
  name: 'run-as-group-0',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not run with the root group (GID 0)',
  fix: 'none',
  anchors: { kubeLinter: ['run-as-non-root'], trivy: ['AVD-KSV-0116'] },
  messages: {
    group: (where: string, field: string) => `${where} sets ${field} to 0 (the root group).`,
  },
  docs: {
    summary: 'The pod or a container sets `runAsGroup: 0`, `fsGroup: 0`, or lists 0 in `supplementalGroups`.',
    rationale: 'Group 0 owns many sensitive files in images and on the node; a process in the root group can read or write them even as a non-root user. This "non-root groups" control appears in older copies of the Pod Security Standards but was never enforced by Pod Security Admission, so it is not tied to a PSS level here.',
    remediation: 'Use a non-zero group id (for example 10001) for runAsGroup, fsGroup and supplementalGroups.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: [podYaml('securityContext:\n  runAsGroup: 0\ncontainers:\n  - name: app\n    image: nginx:1.27.2\n')],
      good: [podYaml('securityContext:\n  runAsGroup: 10001\n  fsGroup: 10001\ncontainers:\n  - name: app\n    image: nginx:1.27.2\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const sc of securityContextsOf(w)) {
        const where = sc.container ? `Container '${sc.container.name ?? '(unnamed)'}'` : objectLabel(w.object);
        const fields = sc.level === 'pod' ? ['runAsGroup', 'fsGroup'] : ['runAsGroup'];
        for (const f of fields) {
          const node = mapGet(sc.node, f);
          if (scalarValue(node) === 0) ctx.report({ at: nodeRange(file, node) ?? w.range, messageId: 'group', args: [where, f] });
        }
        if (sc.level !== 'pod') continue;
        for (const g of seqItems(mapGet(sc.node, 'supplementalGroups'))) {
          if (scalarValue(g) === 0) ctx.report({ at: nodeRange(file, g) ?? w.range, messageId: 'group', args: [where, 'supplementalGroups'] });
        }
      }
    },
  },
});
