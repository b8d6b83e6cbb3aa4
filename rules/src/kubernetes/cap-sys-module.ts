import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { capabilitiesOf } from '../model/kubernetes/pod';
import { removeAddedCap } from '../model/kubernetes/capabilities';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S019',
  name: 'cap-sys-module',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not add the SYS_MODULE capability',
  fix: 'suggestion',
  defaultOff: true,
  anchors: { pss: ['baseline:capabilities_baseline'], trivy: ['AVD-KSV-0120'] },
  messages: {
    sysModule: (container: string) => `${container} adds SYS_MODULE and can load kernel modules.`,
  },
  docs: {
    summary: 'A container adds `SYS_MODULE` to its capabilities.',
    rationale: 'SYS_MODULE lets the container load kernel modules into the node\'s kernel, which is full control of the node. capabilities-beyond-default already reports it under the baseline profile, so this narrower rule (Trivy KSV-0120) is off by default.',
    remediation: 'Remove SYS_MODULE from `securityContext.capabilities.add`; load the modules on the node instead.',
    references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: {
      bad: [containerYaml('securityContext:\n  capabilities:\n    add: [SYS_MODULE]\n')],
      good: [containerYaml('securityContext:\n  capabilities:\n    drop: [ALL]\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const caps = capabilitiesOf(c);
      for (const item of caps.add) {
        if (item.value !== 'SYS_MODULE') continue;
        ctx.report({ at: nodeRange(c.workload.object.file, item.node) ?? c.range, messageId: 'sysModule', args: [containerLabel(c)], fixes: lazySuggestion('Remove SYS_MODULE', () => removeAddedCap(c, caps, item)) });
      }
    },
  },
});
