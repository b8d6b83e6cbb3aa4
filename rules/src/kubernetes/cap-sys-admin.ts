import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { capabilitiesOf } from '../model/kubernetes/pod';
import { removeAddedCap } from '../model/kubernetes/capabilities';
import { containerYaml } from '../model/kubernetes/examples';

export default defineRule({
  id: 'K8S017',
  name: 'cap-sys-admin',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not add SYS_ADMIN (or ALL) capabilities',
  fix: 'suggestion',
  defaultOff: true,
  anchors: {
    pss: ['baseline:capabilities_baseline'],
    checkov: ['CKV_K8S_39'],
    trivy: ['AVD-KSV-0005'],
    polaris: ['dangerousCapabilities'],
    kubesec: ['CapSysAdmin'],
    kics: ['235236ee-ad78-4065-bd29-61b061f28ce0'],
  },
  messages: {
    sysAdmin: (container: string, cap: string) => `${container} adds ${cap}, which is close to running privileged.`,
  },
  docs: {
    summary: 'A container adds `SYS_ADMIN` or `ALL` to its capabilities.',
    rationale: 'SYS_ADMIN covers mount, namespace and many device operations and is enough for several well-known container escapes; ALL includes it. capabilities-beyond-default already reports these entries under the baseline profile, so this narrower rule is off by default; enable it when you want only this check (it matches Checkov CKV_K8S_39 and kubesec CapSysAdmin).',
    remediation: 'Remove SYS_ADMIN (or ALL) from `securityContext.capabilities.add` and grant the specific capability the workload needs.',
    references: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: {
      bad: [containerYaml('securityContext:\n  capabilities:\n    add: [SYS_ADMIN]\n')],
      good: [containerYaml('securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n')],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const caps = capabilitiesOf(c);
      for (const item of caps.add) {
        if (item.value !== 'SYS_ADMIN' && item.value !== 'ALL') continue;
        ctx.report({ at: nodeRange(c.workload.object.file, item.node) ?? c.range, messageId: 'sysAdmin', args: [containerLabel(c), item.value], fixes: lazySuggestion(`Remove ${item.value}`, () => removeAddedCap(c, caps, item)) });
      }
    },
  },
});
