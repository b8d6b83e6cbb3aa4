import { lazySuggestion, defineRule } from '../engine/rule';
import { isScalar, mapGet } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { deepestKeyRange } from '../model/kubernetes/pod';
import { setContainerSecurity } from '../model/kubernetes/fixes';

export default defineRule({
  id: 'K8S003',
  name: 'allow-privilege-escalation-unset',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Set allowPrivilegeEscalation: false explicitly (restricted profile)',
  fix: 'suggestion',
  defaultOff: true,
  anchors: {
    pss: ['restricted:allowPrivilegeEscalation'],
    checkov: ['CKV_K8S_20'],
    trivy: ['AVD-KSV-0001'],
    polaris: ['privilegeEscalationAllowed'],
    kics: ['5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d'],
  },
  messages: {
    unset: (container: string) => `${container} does not set allowPrivilegeEscalation: false.`,
  },
  docs: {
    summary: 'A container does not set `securityContext.allowPrivilegeEscalation` at all (restricted Pod Security Standard).',
    rationale: 'The default for allowPrivilegeEscalation is true, so leaving it unset lets setuid binaries raise privileges. The restricted Pod Security Standard requires an explicit `false`; Checkov, Trivy, Polaris and KICS agree, while kube-linter and kubesec only flag an explicit `true`. We follow PSS: this rule belongs to the restricted profile and is off by default; enable it (or the restricted profile) to require the explicit value.',
    remediation: 'Add `securityContext.allowPrivilegeEscalation: false` to every container.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (c.partial) return;
      const node = mapGet(c.securityContext, 'allowPrivilegeEscalation');
      if (node !== undefined && !(isScalar(node) && node.value === null)) return;
      ctx.report({
        at: deepestKeyRange(c, ['securityContext']) ?? c.range,
        messageId: 'unset',
        args: [containerLabel(c)],
        fixes: lazySuggestion('Add allowPrivilegeEscalation: false', () => setContainerSecurity(c, ['allowPrivilegeEscalation'], false)),
      });
    },
  },
});
