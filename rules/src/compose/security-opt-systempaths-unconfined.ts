import { lazySuggestion, defineRule } from '../engine/rule';
import { fieldOf } from '../model/compose/services';
import { deleteListEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC037',
  name: 'security-opt-systempaths-unconfined',
  target: 'compose',
  category: 'isolation',
  severity: 'error',
  title: 'Keep /proc and /sys paths masked',
  fix: 'suggestion',
  anchors: {
    pss: ['baseline:procMount'],
  },
  messages: {
    unmasked: (service: string, option: string) => `Service '${service}' unmasks kernel paths in /proc and /sys ('${option}').`,
  },
  docs: {
    summary: 'A service sets `systempaths=unconfined` in `security_opt`.',
    rationale: 'Docker masks or mounts read-only a set of kernel interfaces (/proc/kcore, /proc/sysrq-trigger, /proc/sys, /sys/firmware …) in every container. `systempaths=unconfined` removes those masks, which exposes kernel memory and host-wide controls and is the Docker equivalent of the Kubernetes `procMount: Unmasked`.',
    remediation: 'Remove the `systempaths=unconfined` entry; tools that need one of these paths usually need a dedicated host agent rather than a container.',
    references: ['https://docs.docker.com/reference/cli/docker/container/run/#security-opt', 'https://docs.docker.com/reference/compose-file/services/#security_opt'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - systempaths=unconfined\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:true\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'security_opt');
      for (const opt of s.securityOpts) {
        if (opt.key !== 'systempaths' || opt.value?.toLowerCase() !== 'unconfined') continue;
        ctx.report({ at: opt.at, messageId: 'unmasked', args: [s.name, opt.raw], fixes: lazySuggestion(`Remove ${opt.raw}`, () => deleteListEntry(ctx.model.file, s, field, opt.node)) });
      }
    },
  },
});
