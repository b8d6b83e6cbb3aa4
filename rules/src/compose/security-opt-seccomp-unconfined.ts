import { lazySuggestion, defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { deleteListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC005',
  name: 'security-opt-seccomp-unconfined',
  target: 'compose',
  category: 'isolation',
  severity: 'error',
  title: 'Keep the default seccomp profile',
  fix: 'suggestion',
  anchors: {
    kics: ['404fde2c-bc4b-4371-9747-7054132ac953'],
    pss: ['baseline:seccompProfile_baseline'],
  },
  messages: {
    unconfined: (service: string, option: string) => `Service '${service}' disables seccomp ('${option}').`,
  },
  docs: {
    summary: 'A service sets `seccomp:unconfined` (or `seccomp=unconfined`) in `security_opt`.',
    rationale: "Docker's default seccomp profile blocks several dozen rarely needed system calls (kernel keyring calls, `kexec_load`, `bpf`, `unshare` and `mount` without SYS_ADMIN …) that are behind many container escapes and kernel exploits. Running unconfined exposes the whole kernel system-call surface to the service.",
    remediation: 'Remove the `seccomp:unconfined` entry; if the service needs one blocked system call, ship a custom profile that allows just that call and reference it with `seccomp:<path-to-profile.json>`.',
    references: ['https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/reference/compose-file/services/#security_opt', 'CIS Docker Benchmark 5.21'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - seccomp:unconfined\n', 'services:\n  app:\n    image: alpine:3.20\n    security_opt: ["seccomp=unconfined"]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - seccomp:./profiles/app.json\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'security_opt');
      for (const opt of s.securityOpts) {
        if (opt.key !== 'seccomp' || opt.value?.toLowerCase() !== 'unconfined') continue;
        ctx.report({ at: opt.at, messageId: 'unconfined', args: [s.name, opt.raw], fixes: lazySuggestion(`Remove ${opt.raw}`, () => deleteListEntry(ctx.model.file, s, field, opt.node)) });
      }
    },
  },
});
