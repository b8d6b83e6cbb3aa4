import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue } from '../model/yaml/documents';
import { containerLabel, objectLabel } from '../model/kubernetes/workloads';

export default defineRule({
  id: 'K8S005',
  name: 'run-as-uid-0',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not set runAsUser: 0',
  fix: 'none',
  anchors: {
    pss: ['restricted:runAsUser'],
    kubeLinter: ['run-as-non-root'],
    checkov: ['CKV_K8S_23'],
    trivy: ['AVD-KSV-0105'],
    polaris: ['runAsRootAllowed'],
    kics: ['cf34805e-3872-4c08-bf92-6ff7bb0cfadb'],
  },
  messages: {
    container: (container: string) => `${container} sets runAsUser: 0 (root).`,
    pod: (workload: string) => `${workload} sets runAsUser: 0 (root) for its pod.`,
  },
  docs: {
    summary: 'The pod or a container sets `securityContext.runAsUser: 0`.',
    rationale: 'UID 0 is root: every file the container can reach is writable and a container escape lands as root on the node. The restricted Pod Security Standard (since 1.23) forbids runAsUser 0 at both levels, except for pods with `hostUsers: false`, where UID 0 is mapped to an unprivileged host user.',
    remediation: 'Set `runAsUser` to a non-zero UID the image supports (for example 10001) or remove it and set `runAsNonRoot: true`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 10001\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      if (scalarValue(mapGet(w.podSpec, 'hostUsers')) === false) return;
      const file = w.object.file;
      const pod = mapGet(w.podSecurityContext, 'runAsUser');
      if (scalarValue(pod) === 0) ctx.report({ at: nodeRange(file, pod) ?? w.range, messageId: 'pod', args: [objectLabel(w.object)] });
      for (const c of w.containers) {
        const own = mapGet(c.securityContext, 'runAsUser');
        if (scalarValue(own) === 0) ctx.report({ at: nodeRange(file, own) ?? c.range, messageId: 'container', args: [containerLabel(c)] });
      }
    },
  },
});
