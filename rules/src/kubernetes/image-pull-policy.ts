import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, stringValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { setContainerField } from '../model/kubernetes/fixes';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S042',
  name: 'image-pull-policy',
  target: 'kubernetes',
  category: 'supply-chain',
  severity: 'info',
  title: 'Set imagePullPolicy: Always',
  fix: 'suggestion',
  defaultOff: true,
  anchors: { checkov: ['CKV_K8S_15'], polaris: ['pullPolicyNotAlways'], kics: ['caa3479d-885d-4882-9aac-95e5e78ef5c2'] },
  messages: {
    policy: (container: string, policy: string) => `${container} uses imagePullPolicy ${policy}.`,
    unset: (container: string) => `${container} does not set imagePullPolicy: Always.`,
  },
  docs: {
    summary: 'A container\'s `imagePullPolicy` is not `Always`.',
    rationale: 'With IfNotPresent or Never, a node reuses whatever image it cached under that name, so a pod may run an image its registry credentials would no longer allow, or a stale copy of a moved tag. Always makes the kubelet check the registry (and credentials) on every start. It conflicts with digest pinning and air-gapped clusters, so this rule is off by default.',
    remediation: 'Set `imagePullPolicy: Always`, or pin images by digest (which makes the policy irrelevant).',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    examples: {
      bad: [containerYaml('imagePullPolicy: IfNotPresent\n')],
      good: [containerYaml('imagePullPolicy: Always\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const node = mapGet(c.node, 'imagePullPolicy');
      const policy = stringValue(node);
      if (policy === 'Always' || (policy === undefined && c.partial)) return;
      const file = c.workload.object.file;
      if (policy === undefined) {
        ctx.report({ at: c.range, messageId: 'unset', args: [containerLabel(c)], fixes: lazySuggestion('Set imagePullPolicy: Always', () => setContainerField(c, ['imagePullPolicy'], 'Always')) });
        return;
      }
      ctx.report({ at: nodeRange(file, node) ?? c.range, messageId: 'policy', args: [containerLabel(c), policy], fixes: lazySuggestion('Set imagePullPolicy: Always', () => replaceNode(file, node, 'Always')) });
    },
  },
});
