import { lazySuggestion, defineRule } from '../engine/rule';
import { scalarValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { deleteField } from '../model/compose/edits';
import { limitOf } from '../model/compose/resources';

export default defineRule({
  id: 'DC031',
  name: 'oom-kill-disable',
  target: 'compose',
  category: 'resources',
  severity: 'warning',
  title: 'Do not disable the OOM killer',
  fix: 'suggestion',
  anchors: {},
  messages: {
    disabled: (service: string) => `Service '${service}' disables the OOM killer.`,
    disabledUnlimited: (service: string) => `Service '${service}' disables the OOM killer and has no memory limit, so it can exhaust the host's memory.`,
  },
  docs: {
    summary: 'A service sets `oom_kill_disable: true`.',
    rationale: 'When memory runs out, the kernel can no longer kill this container\'s processes, so it kills other containers or host processes instead, or the host hangs. Without a memory limit this turns a leak in one service into an outage of the machine.',
    remediation: 'Remove `oom_kill_disable`, and give the service a memory limit that fits its needs.',
    references: ['https://docs.docker.com/reference/compose-file/services/#oom_kill_disable', 'https://docs.docker.com/engine/containers/resource_constraints/#understand-the-risks-of-running-out-of-memory'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    oom_kill_disable: true\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    mem_limit: 512m\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'oom_kill_disable');
      if (!field || scalarValue(field.value) !== true) return;
      ctx.report({
        at: locate(ctx.model.file, field, field.value),
        messageId: limitOf(s, 'memory') ? 'disabled' : 'disabledUnlimited',
        args: [s.name],
        fixes: lazySuggestion('Remove oom_kill_disable', () => deleteField(ctx.model.file, s, field)),
      });
    },
  },
});
