import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange, scalarValue, mapGet } from '../model/yaml/documents';
import { containerLabel, effectiveSecurity } from '../model/kubernetes/workloads';
import { deepestKeyRange } from '../model/kubernetes/pod';
import { setPodSecurity } from '../model/kubernetes/fixes';
import { replaceNode } from '../model/yaml/edits';

export default defineRule({
  id: 'K8S004',
  name: 'run-as-non-root',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Containers should run with runAsNonRoot: true',
  fix: 'suggestion',
  anchors: {
    pss: ['restricted:runAsNonRoot'],
    kubeLinter: ['run-as-non-root'],
    checkov: ['CKV_K8S_23'],
    trivy: ['AVD-KSV-0012'],
    polaris: ['runAsRootAllowed'],
    kubesec: ['RunAsNonRoot'],
    kics: ['cf34805e-3872-4c08-bf92-6ff7bb0cfadb'],
  },
  messages: {
    unset: (container: string) => `${container} may run as root: runAsNonRoot is not true for it or its pod.`,
    disabled: (container: string) => `${container} sets runAsNonRoot: false.`,
  },
  docs: {
    summary: 'Neither the container nor its pod sets `securityContext.runAsNonRoot: true`, or the container overrides it with `false`.',
    rationale: 'Without runAsNonRoot the kubelet starts the container as whatever user the image declares, very often root. A root process that escapes the container is root on the node. The restricted Pod Security Standard requires `runAsNonRoot: true` at pod level (containers may leave it unset) or on every container; a container-level `false` overrides the pod. Since Kubernetes 1.35 pods with `hostUsers: false` are exempt, and so are they here.',
    remediation: 'Set `securityContext.runAsNonRoot: true` in the pod spec (and make sure the image has a numeric non-root USER, or also set `runAsUser`).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const w = c.workload;
      if (scalarValue(mapGet(w.podSpec, 'hostUsers')) === false) return;
      const eff = effectiveSecurity(c, 'runAsNonRoot');
      if (scalarValue(eff.node) === true) return;
      const file = w.object.file;
      if (eff.level === 'container' || eff.level === 'pod') {
        ctx.report({
          at: eff.level === 'container' ? nodeRange(file, eff.node) ?? c.range : c.range,
          messageId: 'disabled',
          args: [containerLabel(c)],
          fixes: lazySuggestion('Set runAsNonRoot: true', () => replaceNode(file, eff.node, 'true')),
        });
        return;
      }
      if (c.partial) return;
      ctx.report({
        at: deepestKeyRange(c, ['securityContext']) ?? c.range,
        messageId: 'unset',
        args: [containerLabel(c)],
        fixes: lazySuggestion('Set runAsNonRoot: true for the pod', () => setPodSecurity(w, ['runAsNonRoot'], true)),
      });
    },
  },
});
