import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { objectLabel } from '../model/kubernetes/workloads';
import { annotationsWithPrefix, securityContextsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S028',
  name: 'seccomp-unconfined',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not disable seccomp',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:seccompProfile_baseline'],
    checkov: ['CKV_K8S_31'],
    trivy: ['AVD-KSV-0104'],
    polaris: ['linuxHardening'],
    kubesec: ['SeccompUnconfined'],
    kics: ['f377b83e-bd07-4f48-a591-60c82b14a78b'],
  },
  messages: {
    field: (where: string) => `${where} sets seccompProfile.type: Unconfined.`,
    annotation: (workload: string, key: string) => `${workload} sets annotation '${key}' to unconfined.`,
  },
  docs: {
    summary: 'The pod or a container sets `seccompProfile.type: Unconfined`, or a legacy seccomp annotation is `unconfined`.',
    rationale: 'Seccomp filters the system calls a container may make; unconfined exposes the whole kernel syscall surface, including rarely used calls behind many container escapes. The baseline Pod Security Standard forbids Unconfined (RuntimeDefault, Localhost or unset are allowed).',
    remediation: 'Set `seccompProfile.type: RuntimeDefault` (or a Localhost profile) instead of Unconfined.',
    references: ['https://kubernetes.io/docs/tutorials/security/seccomp/', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('securityContext:\n  seccompProfile:\n    type: Unconfined\n')],
      good: [containerYaml('securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const sc of securityContextsOf(w)) {
        const node = getIn(sc.node, ['seccompProfile', 'type']);
        if (stringValue(node) !== 'Unconfined') continue;
        const where = sc.container ? `Container '${sc.container.name ?? '(unnamed)'}'` : objectLabel(w.object);
        ctx.report({ at: nodeRange(file, node) ?? w.range, messageId: 'field', args: [where], fixes: lazySuggestion('Use RuntimeDefault', () => replaceNode(file, node, 'RuntimeDefault')) });
      }
      for (const prefix of ['seccomp.security.alpha.kubernetes.io/pod', 'container.seccomp.security.alpha.kubernetes.io/']) {
        for (const a of annotationsWithPrefix(w, prefix)) {
          if (stringValue(a.valueNode) !== 'unconfined') continue;
          ctx.report({ at: nodeRange(file, a.valueNode) ?? w.range, messageId: 'annotation', args: [objectLabel(w.object), a.key] });
        }
      }
    },
  },
});
