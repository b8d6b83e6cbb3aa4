import { lazySuggestion, defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { BASELINE_CAPS, DANGEROUS_CAPS } from '../model/compose/options';
import { deleteListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC017',
  name: 'cap-add-beyond-default',
  target: 'compose',
  category: 'privilege',
  severity: 'warning',
  title: 'Add only capabilities from the baseline set',
  fix: 'suggestion',
  anchors: {
    kics: ['ce76b7d0-9e77-464d-b86f-c5c48e03e22d'],
    pss: ['baseline:capabilities_baseline'],
  },
  messages: {
    beyond: (service: string, cap: string) => `Service '${service}' adds the capability ${cap}, which is outside the baseline set.`,
  },
  docs: {
    summary: 'A service adds a capability that is not in the Pod Security Standards baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Host-level capabilities such as SYS_ADMIN are reported by DC004 instead.',
    rationale: 'Every extra capability widens what a compromised process can do to the kernel: NET_RAW allows crafting packets and ARP spoofing on the bridge, SYS_NICE and SYS_RESOURCE let it starve neighbours, IPC_LOCK pins memory. Added capabilities should be rare, reviewed and documented.',
    remediation: 'Remove the capability from `cap_add` unless the service cannot work without it, and then document why next to the entry.',
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_add', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    cap_add: [NET_RAW]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'cap_add');
      for (const cap of s.capAdd) {
        if (BASELINE_CAPS.has(cap.name) || DANGEROUS_CAPS.has(cap.name) || cap.name === '' || cap.name.includes('$')) continue;
        ctx.report({ at: cap.at, messageId: 'beyond', args: [s.name, cap.name], fixes: lazySuggestion(`Remove ${cap.raw} from cap_add`, () => deleteListEntry(ctx.model.file, s, field, cap.node)) });
      }
    },
  },
});
