import { lazySuggestion, defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { deleteListEntry } from '../model/compose/edits';

/** SELinux types that run a container without confinement. */
const UNCONFINED_TYPES = new Set(['spc_t', 'unconfined_t']);

export default defineRule({
  id: 'DC007',
  name: 'security-opt-label-disable',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Keep SELinux label separation',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:seLinuxOptions'],
  },
  messages: {
    disabled: (service: string, option: string) => `Service '${service}' turns off SELinux separation ('${option}').`,
    unconfinedType: (service: string, option: string) => `Service '${service}' runs with an unconfined SELinux type ('${option}').`,
  },
  docs: {
    summary: 'A service sets `label:disable` (or `label=disable`), or an unconfined SELinux type such as `label:type:spc_t`, in `security_opt`.',
    rationale: 'On SELinux hosts every container gets its own MCS label, so a process that escapes its namespaces still cannot read other containers\' files or most of the host. Disabling labelling, or running as the super-privileged `spc_t` type, removes that protection.',
    remediation: 'Remove the entry. To share files with the host, relabel the bind mount with the `:z` (shared) or `:Z` (private) volume option instead.',
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt', 'https://docs.docker.com/engine/storage/bind-mounts/#configure-the-selinux-label', 'CIS Docker Benchmark 5.2'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - label:disable\n', 'services:\n  app:\n    image: alpine:3.20\n    security_opt: ["label=type:spc_t"]\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./data:/data:Z\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'security_opt');
      for (const opt of s.securityOpts) {
        if (opt.key !== 'label' || opt.value === undefined) continue;
        const value = opt.value.toLowerCase();
        const typeMatch = /^type[:=](.*)$/.exec(value);
        const messageId = value === 'disable' ? 'disabled' : typeMatch && UNCONFINED_TYPES.has((typeMatch[1] ?? '').trim()) ? 'unconfinedType' : undefined;
        if (!messageId) continue;
        ctx.report({ at: opt.at, messageId, args: [s.name, opt.raw], fixes: lazySuggestion(`Remove ${opt.raw}`, () => deleteListEntry(ctx.model.file, s, field, opt.node)) });
      }
    },
  },
});
