import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { objectLabel } from '../model/kubernetes/workloads';
import { annotationsWithPrefix, securityContextsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  id: 'K8S024',
  name: 'apparmor-unconfined',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not run containers AppArmor-unconfined',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:appArmorProfile'],
    trivy: ['AVD-KSV-0002'],
    polaris: ['linuxHardening'],
    kubesec: ['ApparmorAny'],
    kics: ['8b36775e-183d-4d46-b0f7-96a6f34a723f'],
  },
  messages: {
    field: (where: string, type: string) => `${where} sets appArmorProfile.type: ${type}.`,
    annotation: (workload: string, container: string, value: string) => `${workload} sets AppArmor profile '${value}' for container '${container}'.`,
  },
  docs: {
    summary: 'An AppArmor profile is overridden to something other than the runtime default or a localhost profile: `appArmorProfile.type: Unconfined`, or a `container.apparmor.security.beta.kubernetes.io/*` annotation not `runtime/default` or `localhost/…`.',
    rationale: 'AppArmor confines what a container may do with files, mounts and capabilities even when other controls fail; unconfined removes that layer. The baseline Pod Security Standard allows only RuntimeDefault, Localhost or unset. KICS instead requires an AppArmor annotation on every container; we follow PSS and accept the unset default (the runtime applies its default profile).',
    remediation: 'Set `securityContext.appArmorProfile.type: RuntimeDefault` (or a Localhost profile) or remove the override.',
    references: ['https://kubernetes.io/docs/tutorials/security/apparmor/', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('securityContext:\n  appArmorProfile:\n    type: Unconfined\n')],
      good: [containerYaml('securityContext:\n  appArmorProfile:\n    type: RuntimeDefault\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const sc of securityContextsOf(w)) {
        const node = getIn(sc.node, ['appArmorProfile', 'type']);
        const type = stringValue(node);
        if (type === undefined || type === 'RuntimeDefault' || type === 'Localhost') continue;
        const where = sc.container ? `Container '${sc.container.name ?? '(unnamed)'}'` : objectLabel(w.object);
        ctx.report({ at: nodeRange(file, node) ?? w.range, messageId: 'field', args: [where, type], fixes: lazySuggestion('Use RuntimeDefault', () => replaceNode(file, node, 'RuntimeDefault')) });
      }
      for (const a of annotationsWithPrefix(w, ANNOTATION)) {
        const value = stringValue(a.valueNode) ?? '';
        if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
        ctx.report({ at: nodeRange(file, a.valueNode) ?? w.range, messageId: 'annotation', args: [objectLabel(w.object), a.suffix, value], fixes: lazySuggestion('Use runtime/default', () => replaceNode(file, a.valueNode, 'runtime/default')) });
      }
    },
  },
});
