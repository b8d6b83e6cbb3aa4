import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { setPodField } from '../model/kubernetes/fixes';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S037',
  name: 'host-users',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'info',
  title: 'Run pods in a user namespace (hostUsers: false)',
  fix: 'suggestion',
  defaultOff: true,
  anchors: { kubesec: ['HostUsers'] },
  messages: {
    hostUsers: (workload: string) => `${workload} shares the host user namespace (hostUsers is not false).`,
  },
  docs: {
    summary: 'The pod spec does not set `hostUsers: false`.',
    rationale: 'With `hostUsers: false` the pod gets its own user namespace: UID 0 inside maps to an unprivileged UID on the node, which defeats many escapes even when other controls fail. It needs Kubernetes 1.33+ nodes with a supporting runtime and file system, so this advice is off by default; since 1.35 PSS waives runAsNonRoot, runAsUser and the baseline procMount checks for such pods.',
    remediation: 'Add `hostUsers: false` to the pod spec once the nodes support user namespaces.',
    references: ['https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('', 'hostUsers: false\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const node = mapGet(w.podSpec, 'hostUsers');
      if (scalarValue(node) === false || w.partial) return;
      ctx.report({ at: nodeRange(w.object.file, node) ?? w.range, messageId: 'hostUsers', args: [objectLabel(w.object)], fixes: lazySuggestion('Set hostUsers: false', () => setPodField(w, ['hostUsers'], false)) });
    },
  },
});
