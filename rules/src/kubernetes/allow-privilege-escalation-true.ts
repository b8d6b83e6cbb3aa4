import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';

export default defineRule({
  id: 'K8S002',
  name: 'allow-privilege-escalation-true',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Containers must not allow privilege escalation',
  fix: 'suggestion',
  anchors: {
    pss: ['restricted:allowPrivilegeEscalation'],
    kubeLinter: ['privilege-escalation-container'],
    checkov: ['CKV_K8S_20'],
    trivy: ['AVD-KSV-0001'],
    polaris: ['privilegeEscalationAllowed'],
    kubesec: ['AllowPrivilegeEscalation'],
    kics: ['5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d'],
  },
  messages: {
    escalation: (container: string) => `${container} sets allowPrivilegeEscalation: true.`,
  },
  docs: {
    summary: 'A container explicitly sets `securityContext.allowPrivilegeEscalation: true`.',
    rationale: 'With privilege escalation allowed, a process can gain more privileges than its parent (setuid binaries, file capabilities), because the kernel `no_new_privs` flag is not set. The restricted Pod Security Standard requires `false`. kube-linter and kubesec flag only an explicit `true`, which is what this rule does; the unset case is the separate rule allow-privilege-escalation-unset.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on the container.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: true\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const node = mapGet(c.securityContext, 'allowPrivilegeEscalation');
      if (scalarValue(node) !== true) return;
      const file = c.workload.object.file;
      ctx.report({
        at: nodeRange(file, node) ?? c.range,
        messageId: 'escalation',
        args: [containerLabel(c)],
        fixes: lazySuggestion('Set allowPrivilegeEscalation: false', () => replaceNode(file, node, 'false')),
      });
    },
  },
});
