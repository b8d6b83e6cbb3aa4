import { defineRule } from '../engine/rule';
import { containerLabel, objectLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S034',
  name: 'security-context-missing',
  target: 'kubernetes',
  category: 'hygiene',
  severity: 'info',
  title: 'Set a securityContext on pods and containers',
  fix: 'none',
  defaultOff: true,
  anchors: { checkov: ['CKV_K8S_29', 'CKV_K8S_30'], trivy: ['AVD-KSV-0118'], kics: ['a97a340a-0063-418e-b3a1-3028941d0995'] },
  messages: {
    pod: (workload: string) => `${workload} has no pod securityContext.`,
    container: (container: string) => `${container} has no securityContext.`,
  },
  docs: {
    summary: 'The pod spec, or a container, has no `securityContext` at all.',
    rationale: 'A missing securityContext means every hardening setting is at its default: root user allowed, privilege escalation allowed, writable root file system, default capabilities, no seccomp profile. The specific rules (run-as-non-root, capabilities-drop-all, read-only-root-fs …) say what is missing; this summary check is off by default to avoid duplicate noise.',
    remediation: 'Add a securityContext with at least runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL] and seccompProfile.type: RuntimeDefault.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('securityContext:\n  allowPrivilegeEscalation: false\n', 'securityContext:\n  runAsNonRoot: true\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      if (w.partial) return;
      if (w.podSecurityContext === undefined) ctx.report({ at: w.range, messageId: 'pod', args: [objectLabel(w.object)] });
      for (const c of w.containers) {
        if (c.securityContext === undefined) ctx.report({ at: c.range, messageId: 'container', args: [containerLabel(c)] });
      }
    },
  },
});
