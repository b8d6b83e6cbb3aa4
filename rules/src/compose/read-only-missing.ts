import { defineRule } from '../engine/rule';
import { scalarValue } from '../model/yaml/documents';
import { fieldOf, locate, resolvedField } from '../model/compose/services';
import { setScalarField } from '../model/compose/edits';

export default defineRule({
  id: 'DC022',
  name: 'read-only-missing',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  title: 'Run services with a read-only root filesystem',
  fix: 'suggestion',
  anchors: {},
  messages: {
    missing: (service: string) => `Service '${service}' has a writable root filesystem (no read_only: true).`,
    disabled: (service: string) => `Service '${service}' sets read_only: false.`,
  },
  docs: {
    summary: 'A service does not set `read_only: true`.',
    rationale: 'With a writable root filesystem, an attacker who gets code execution can modify the application, drop tools and persist across process restarts inside the container. A read-only root filesystem confines writes to the volumes and tmpfs mounts you declared.',
    remediation: 'Set `read_only: true` and give the service `tmpfs` mounts (for example `/tmp`, `/run`) or volumes for the paths it must write to.',
    references: ['https://docs.docker.com/reference/compose-file/services/#read_only', 'CIS Docker Benchmark 5.12'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    read_only: true\n    tmpfs: [/tmp]\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const resolved = resolvedField(s, 'read_only');
      if (scalarValue(resolved?.value) === true) return;
      const own = fieldOf(s, 'read_only');
      const edit = setScalarField(ctx.model.file, s, 'read_only', 'true');
      const suggestions = edit ? [{ title: 'Set read_only: true', edits: [edit] }] : [];
      if (own) ctx.report({ at: locate(ctx.model.file, own, own.value), messageId: 'disabled', args: [s.name], suggestions });
      else ctx.report({ at: s.range, messageId: 'missing', args: [s.name], suggestions });
    },
  },
});
