import { lazySuggestion, defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { deleteListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC006',
  name: 'security-opt-apparmor-unconfined',
  target: 'compose',
  category: 'isolation',
  severity: 'error',
  title: 'Keep AppArmor confinement',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:appArmorProfile'],
  },
  messages: {
    unconfined: (service: string, option: string) => `Service '${service}' turns off AppArmor ('${option}').`,
  },
  docs: {
    summary: 'A service sets `apparmor:unconfined` (or `apparmor=unconfined`) in `security_opt`.',
    rationale: "On hosts with AppArmor, Docker confines every container with the `docker-default` profile, which denies writes to sensitive parts of /proc and /sys and mounting filesystems. Unconfined removes that layer, which makes several known escapes possible again when combined with added capabilities.",
    remediation: 'Remove the `apparmor:unconfined` entry; if the default profile is too strict, load a custom profile on the host and reference it with `apparmor:<profile-name>`.',
    references: ['https://docs.docker.com/engine/security/apparmor/', 'https://docs.docker.com/reference/compose-file/services/#security_opt', 'CIS Docker Benchmark 5.1'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - apparmor:unconfined\n', 'services:\n  app:\n    image: alpine:3.20\n    security_opt: [apparmor=unconfined]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - apparmor:docker-default\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'security_opt');
      for (const opt of s.securityOpts) {
        if (opt.key !== 'apparmor' || opt.value?.toLowerCase() !== 'unconfined') continue;
        ctx.report({ at: opt.at, messageId: 'unconfined', args: [s.name, opt.raw], fixes: lazySuggestion(`Remove ${opt.raw}`, () => deleteListEntry(ctx.model.file, s, field, opt.node)) });
      }
    },
  },
});
