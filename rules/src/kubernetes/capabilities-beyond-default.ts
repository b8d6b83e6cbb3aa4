import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { containerLabel } from '../model/kubernetes/workloads';
import { capabilitiesOf } from '../model/kubernetes/pod';
import { BASELINE_CAPS, removeAddedCap } from '../model/kubernetes/capabilities';

export default defineRule({
  id: 'K8S010',
  name: 'capabilities-beyond-default',
  target: 'kubernetes',
  category: 'privilege',
  severity: 'error',
  title: 'Do not add capabilities beyond the default set',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:capabilities_baseline'],
    checkov: ['CKV_K8S_25'],
    trivy: ['AVD-KSV-0022'],
    polaris: ['dangerousCapabilities'],
    kubesec: ['CapSysAdmin'],
    kics: ['19ebaa28-fc86-4a58-bcfa-015c9e22fe40'],
  },
  messages: {
    added: (container: string, cap: string) => `${container} adds capability ${cap}, which the baseline profile forbids.`,
  },
  docs: {
    summary: 'A container adds a Linux capability outside the baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).',
    rationale: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or ALL hand the container kernel powers that are routinely used to escape to the node. The baseline Pod Security Standard allows only the runtime\'s default set in `capabilities.add`. Checkov and Trivy flag any added capability; we follow PSS and accept the default set (the restricted profile\'s capabilities-drop-all rule narrows it to NET_BIND_SERVICE). Names are compared case-insensitively, with or without the CAP_ prefix.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`, and grant only what the process needs.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: {
      bad: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n'],
      good: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop: [ALL]\n'],
    },
  },
  hooks: {
    onContainer(c, ctx) {
      const caps = capabilitiesOf(c);
      for (const item of caps.add) {
        if (BASELINE_CAPS.has(item.value)) continue;
        ctx.report({
          at: nodeRange(c.workload.object.file, item.node) ?? c.range,
          messageId: 'added',
          args: [containerLabel(c), item.value],
          fixes: lazySuggestion(`Remove ${item.value} from capabilities.add`, () => removeAddedCap(c, caps, item)),
        });
      }
    },
  },
});
