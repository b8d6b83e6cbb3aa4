import { lazySuggestion, defineRule } from '../engine/rule';
import { getIn, nodeRange, stringValue } from '../model/yaml/documents';
import { appendToSeq } from '../model/yaml/edits';
import { containerLabel } from '../model/kubernetes/workloads';
import { capabilitiesOf, deepestKeyRange } from '../model/kubernetes/pod';
import { BASELINE_CAPS, isWindowsPod, removeAddedCap } from '../model/kubernetes/capabilities';
import { setContainerSecurity } from '../model/kubernetes/fixes';

export default defineRule({
  id: 'K8S011',
  name: 'capabilities-drop-all',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'warning',
  title: 'Containers should drop ALL capabilities',
  fix: 'suggestion',
  anchors: {
    pss: ['restricted:capabilities_restricted'],
    checkov: ['CKV_K8S_37'],
    trivy: ['AVD-KSV-0003', 'AVD-KSV-0004', 'AVD-KSV-0106'],
    polaris: ['insecureCapabilities'],
    kubesec: ['CapDropAll', 'CapDropAny'],
    kics: ['268ca686-7fb7-4ae9-b129-955a2a89064e'],
  },
  messages: {
    noDropAll: (container: string) => `${container} does not drop ALL capabilities.`,
    addedDefault: (container: string, cap: string) => `${container} adds ${cap}; the restricted profile allows only NET_BIND_SERVICE.`,
  },
  docs: {
    summary: 'A container does not list `ALL` in `securityContext.capabilities.drop`, or adds a default capability other than NET_BIND_SERVICE.',
    rationale: 'Containers start with a default set of capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW …) that most applications never use and attackers do. The restricted Pod Security Standard requires dropping ALL and allows adding back only NET_BIND_SERVICE. Capabilities outside the default set are reported by capabilities-beyond-default instead, so each problem is reported once. Windows pods (`spec.os.name: windows`) are exempt, as in PSS.',
    remediation: 'Add `capabilities.drop: [ALL]` to the container\'s securityContext and add back only NET_BIND_SERVICE if the process binds a port below 1024.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      if (isWindowsPod(stringValue(getIn(c.workload.podSpec, ['os', 'name'])))) return;
      const caps = capabilitiesOf(c);
      const file = c.workload.object.file;
      if (!c.partial && !caps.drop.some((d) => d.value === 'ALL')) {
        ctx.report({
          at: deepestKeyRange(c, ['securityContext', 'capabilities', 'drop']) ?? c.range,
          messageId: 'noDropAll',
          args: [containerLabel(c)],
          fixes: lazySuggestion('Drop ALL capabilities', () => caps.dropSeq !== undefined ? appendToSeq(file, caps.dropSeq, 'ALL') : setContainerSecurity(c, ['capabilities', 'drop'], ['ALL'])),
        });
      }
      for (const item of caps.add) {
        if (item.value === 'NET_BIND_SERVICE' || !BASELINE_CAPS.has(item.value)) continue;
        ctx.report({
          at: nodeRange(file, item.node) ?? c.range,
          messageId: 'addedDefault',
          args: [containerLabel(c), item.value],
          fixes: lazySuggestion(`Remove ${item.value} from capabilities.add`, () => removeAddedCap(c, caps, item)),
        });
      }
    },
  },
});
