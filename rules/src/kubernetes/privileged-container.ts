import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';

export default defineRule({
  id: 'K8S001',
  name: 'privileged-container',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Containers must not run privileged',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:privileged'],
    kubeLinter: ['privileged-container'],
    checkov: ['CKV_K8S_16'],
    trivy: ['AVD-KSV-0017'],
    polaris: ['runAsPrivileged'],
    kubesec: ['Privileged'],
    kics: ['dd29336b-fe57-445b-a26e-e6aa867ae609'],
  },
  messages: {
    privileged: (container: string, type: string) => `${type === 'container' ? 'Container' : type === 'initContainer' ? 'Init container' : 'Ephemeral container'} '${container}' runs privileged.`,
  },
  docs: {
    summary: 'A container sets `securityContext.privileged: true`.',
    rationale: 'A privileged container gets every Linux capability and access to all host devices; escaping to the node is trivial. The Pod Security Standards forbid it at the baseline level.',
    remediation: 'Remove `privileged: true` (or set it to `false`) and grant only the specific capabilities the workload needs with `capabilities.add`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const node = mapGet(c.securityContext, 'privileged');
      if (scalarValue(node) !== true) return;
      const file = c.workload.object.file;
      ctx.report({
        at: nodeRange(file, node) ?? c.range,
        messageId: 'privileged',
        args: [c.name ?? '(unnamed)', c.type],
        fixes: lazySuggestion('Set privileged: false', () => replaceNode(file, node, 'false')),
      });
    },
  },
});
