import { lazySuggestion, defineRule } from '../engine/rule';
import { definingService, fieldOf } from '../model/compose/services';
import { addListEntry, replaceScalar } from '../model/compose/edits';
import type { SecurityOpt } from '../model/compose/options';

function enables(o: SecurityOpt): boolean {
  return o.key === 'no-new-privileges' && (o.value === undefined || o.value.toLowerCase() === 'true');
}

export default defineRule({
  id: 'DC019',
  name: 'no-new-privileges',
  target: 'compose',
  category: 'privilege',
  severity: 'warning',
  title: 'Set no-new-privileges',
  fix: 'suggestion',
  anchors: {
    kics: ['27fcc7d6-c49b-46e0-98f1-6c082a6a2750', '610e266e-6c12-4bca-9925-1ed0cd29742b'],
    pss: ['restricted:allowPrivilegeEscalation'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' does not set no-new-privileges, so setuid binaries can raise privileges.`,
    disabled: (service: string, option: string) => `Service '${service}' explicitly allows privilege escalation ('${option}').`,
  },
  docs: {
    summary: 'A service does not have `no-new-privileges:true` in `security_opt` (or sets it to false). One diagnostic covers both KICS queries "Security Opt Not Set" and "No New Privileges Not Set".',
    rationale: 'Without the flag, a process in the container can gain privileges by executing setuid or setgid binaries (su, sudo, ping on some images, or one an attacker planted). With it, the kernel ignores setuid bits and file capabilities for the whole container, which blocks a common step from a compromised app user to root.',
    remediation: 'Add `no-new-privileges:true` to the service\'s `security_opt` list; services that rely on setuid helpers at runtime need those helpers replaced first.',
    references: ['https://docs.docker.com/reference/cli/docker/container/run/#security-opt', 'https://docs.docker.com/reference/compose-file/services/#security_opt', 'CIS Docker Benchmark 5.25'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n', 'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:false\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:true\n', 'services:\n  app:\n    image: alpine:3.20\n    security_opt: [no-new-privileges]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const holder = definingService(s, 'security_opt');
      const opts = holder?.securityOpts ?? [];
      if (opts.some(enables)) return;
      const file = ctx.model.file;
      const off = s.securityOpts.find((o) => o.key === 'no-new-privileges');
      if (off) {
        const sep = off.raw.includes('=') && !off.raw.includes(':') ? '=' : ':';
        ctx.report({ at: off.at, messageId: 'disabled', args: [s.name, off.raw], fixes: lazySuggestion('Set no-new-privileges to true', () => off.inherited ? undefined : replaceScalar(file, off.node, `no-new-privileges${sep}true`)) });
        return;
      }
      const own = fieldOf(s, 'security_opt');
      ctx.report({ at: own?.at ?? s.range, messageId: 'missing', args: [s.name], fixes: lazySuggestion('Add no-new-privileges:true to security_opt', () => own || !holder ? addListEntry(file, s, 'security_opt', 'no-new-privileges:true') : undefined) });
    },
  },
});
