import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { appendToSeq } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { capabilitiesOf, deepestKeyRange } from '../model/kubernetes/pod';
import { setContainerSecurity } from '../model/kubernetes/fixes';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S018',
  name: 'cap-net-raw',
  target: 'kubernetes',
  category: 'network',
  severity: 'warning',
  title: 'Drop the NET_RAW capability',
  fix: 'suggestion',
  defaultOff: true,
  anchors: {
    pss: ['baseline:capabilities_baseline', 'restricted:capabilities_restricted'],
    kubeLinter: ['drop-net-raw-capability'],
    checkov: ['CKV_K8S_28'],
    trivy: ['AVD-KSV-0119'],
    polaris: ['insecureCapabilities'],
    kics: ['dbbc6705-d541-43b0-b166-dd4be8208b54'],
  },
  messages: {
    notDropped: (container: string) => `${container} keeps NET_RAW: neither NET_RAW nor ALL is dropped.`,
    added: (container: string) => `${container} adds NET_RAW.`,
  },
  docs: {
    summary: 'A container adds `NET_RAW`, or drops neither `NET_RAW` nor `ALL`.',
    rationale: 'NET_RAW is in the runtime\'s default set; it allows raw and packet sockets, which enable ARP and DNS spoofing against other pods on the node. Under PSS, adding it breaks baseline and keeping it breaks restricted (which requires drop ALL), so capabilities-beyond-default and capabilities-drop-all already cover it; this narrower rule matches kube-linter\'s drop-net-raw-capability and is off by default.',
    remediation: 'Add `NET_RAW` (better: `ALL`) to `securityContext.capabilities.drop` and remove it from `add`.',
    references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: {
      bad: [containerYaml()],
      good: [containerYaml('securityContext:\n  capabilities:\n    drop: [NET_RAW]\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const caps = capabilitiesOf(c);
      const file = c.workload.object.file;
      for (const item of caps.add) {
        if (item.value === 'NET_RAW' || item.value === 'ALL') ctx.report({ at: nodeRange(file, item.node) ?? c.range, messageId: 'added', args: [containerLabel(c)] });
      }
      if (c.partial || caps.drop.some((d) => d.value === 'NET_RAW' || d.value === 'ALL')) return;
      ctx.report({
        at: deepestKeyRange(c, ['securityContext', 'capabilities', 'drop'], 1) ?? c.range,
        messageId: 'notDropped',
        args: [containerLabel(c)],
        fixes: lazySuggestion('Drop ALL capabilities', () => caps.dropSeq !== undefined ? appendToSeq(file, caps.dropSeq, 'ALL') : setContainerSecurity(c, ['capabilities', 'drop'], ['ALL'])),
      });
    },
  },
});
