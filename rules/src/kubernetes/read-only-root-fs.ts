import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue, isScalar } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { deepestKeyRange } from '../model/kubernetes/pod';
import { setContainerSecurity } from '../model/kubernetes/fixes';

export default defineRule({
  id: 'K8S012',
  name: 'read-only-root-fs',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Containers should use a read-only root file system',
  fix: 'suggestion',
  anchors: {
    kubeLinter: ['no-read-only-root-fs'],
    checkov: ['CKV_K8S_22'],
    trivy: ['AVD-KSV-0014'],
    polaris: ['notReadOnlyRootFilesystem'],
    kubesec: ['ReadOnlyRootFilesystem'],
    kics: ['a9c2f49d-0671-4fc9-9ece-f4e261e128d0'],
  },
  messages: {
    unset: (container: string) => `${container} does not set readOnlyRootFilesystem: true.`,
    disabled: (container: string) => `${container} sets readOnlyRootFilesystem: false.`,
  },
  docs: {
    summary: 'A container does not set `securityContext.readOnlyRootFilesystem: true`.',
    rationale: 'A writable root file system lets an attacker drop tools, modify binaries or plant persistence inside the running container. A read-only root makes the image immutable at run time; the application writes only to explicitly mounted volumes. This is not part of the Pod Security Standards, but every peer tool checks it. Patches (containers without an image) are skipped unless they set the field to false.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir for paths the application must write (for example /tmp).',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: true\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const node = mapGet(c.securityContext, 'readOnlyRootFilesystem');
      const value = scalarValue(node);
      if (value === true) return;
      const file = c.workload.object.file;
      if (value === false) {
        ctx.report({ at: nodeRange(file, node) ?? c.range, messageId: 'disabled', args: [containerLabel(c)], fixes: lazySuggestion('Set readOnlyRootFilesystem: true', () => replaceNode(file, node, 'true')) });
        return;
      }
      if (c.partial || (node !== undefined && !(isScalar(node) && node.value === null))) return;
      ctx.report({
        at: deepestKeyRange(c, ['securityContext']) ?? c.range,
        messageId: 'unset',
        args: [containerLabel(c)],
        fixes: lazySuggestion('Add readOnlyRootFilesystem: true', () => setContainerSecurity(c, ['readOnlyRootFilesystem'], true)),
      });
    },
  },
});
