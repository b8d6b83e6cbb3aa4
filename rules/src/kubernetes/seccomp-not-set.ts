import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, stringValue } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { deepestKeyRange } from '../model/kubernetes/pod';
import { setPodSecurity } from '../model/kubernetes/fixes';
import { containerYaml } from '../model/kubernetes/examples';

const OK = new Set(['RuntimeDefault', 'Localhost']);

export default defineRule({
  id: 'K8S032',
  name: 'seccomp-not-set',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'warning',
  title: 'Set a seccomp profile (restricted profile)',
  fix: 'suggestion',
  defaultOff: true,
  anchors: {
    pss: ['restricted:seccompProfile_restricted'],
    checkov: ['CKV_K8S_31'],
    trivy: ['AVD-KSV-0030'],
    polaris: ['linuxHardening'],
    kubesec: ['SeccompAny'],
    kics: ['f377b83e-bd07-4f48-a591-60c82b14a78b'],
  },
  messages: {
    unset: (container: string) => `${container} has no seccomp profile (RuntimeDefault or Localhost) from itself or its pod.`,
  },
  docs: {
    summary: 'Neither the container nor its pod sets `seccompProfile.type` to RuntimeDefault or Localhost.',
    rationale: 'Without an explicit profile many runtimes run containers unconfined, exposing every system call. The restricted Pod Security Standard requires RuntimeDefault or Localhost at pod level or on every container. Checkov accepts only RuntimeDefault; we follow PSS and accept Localhost too. Unconfined is reported by seccomp-unconfined. This rule belongs to the restricted profile and is off by default.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec.',
    references: ['https://kubernetes.io/docs/tutorials/security/seccomp/'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('', 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const own = stringValue(getIn(c.securityContext, ['seccompProfile', 'type']));
      if (own !== undefined) return;
      if (OK.has(stringValue(getIn(c.workload.podSecurityContext, ['seccompProfile', 'type'])) ?? '')) return;
      if (c.partial) return;
      ctx.report({ at: deepestKeyRange(c, ['securityContext']) ?? c.range, messageId: 'unset', args: [containerLabel(c)], fixes: lazySuggestion('Set seccompProfile RuntimeDefault for the pod', () => setPodSecurity(c.workload, ['seccompProfile', 'type'], 'RuntimeDefault')) });
    },
  },
});
