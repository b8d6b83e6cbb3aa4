import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, nodeRange, scalarValue, stringValue } from '../model/yaml/documents';
import { replaceNode } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S026',
  name: 'proc-mount-unmasked',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not unmask /proc',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:procMount', 'restricted:procMount_restricted'],
    kubeLinter: ['unsafe-proc-mount'],
    trivy: ['AVD-KSV-0027'],
    polaris: ['procMount'],
    kics: ['f922827f-aab6-447c-832a-e1ff63312bd3'],
  },
  messages: {
    unmasked: (container: string, value: string) => `${container} sets procMount: ${value}.`,
  },
  docs: {
    summary: 'A container sets `securityContext.procMount` to something other than `Default` (for example `Unmasked`).',
    rationale: 'The default /proc mount masks and makes read-only the paths (such as /proc/sys, /proc/sysrq-trigger, /proc/kcore) through which a container could reconfigure or read the host kernel. The baseline standard allows only Default, except for pods with `hostUsers: false` (1.35+); the restricted standard allows only Default.',
    remediation: 'Remove `procMount` or set it to `Default`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('securityContext:\n  procMount: Unmasked\n')],
      good: [containerYaml('securityContext:\n  procMount: Default\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const node = mapGet(c.securityContext, 'procMount');
      const value = stringValue(node);
      if (value === undefined || value === 'Default') return;
      if (scalarValue(mapGet(c.workload.podSpec, 'hostUsers')) === false) return;
      const file = c.workload.object.file;
      ctx.report({ at: nodeRange(file, node) ?? c.range, messageId: 'unmasked', args: [containerLabel(c), value], fixes: lazySuggestion('Set procMount: Default', () => replaceNode(file, node, 'Default')) });
    },
  },
});
