import { lazySuggestion, defineRule } from '../engine/rule';
import { stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { replaceScalar } from '../model/compose/edits';

/** True for `root`, `0`, and either of them with a group (`0:0`, `root:wheel`). */
function isRoot(user: string): boolean {
  const name = user.trim().split(':')[0]?.trim() ?? '';
  return name === 'root' || name === '0';
}

export default defineRule({
  id: 'DC020',
  name: 'user-root',
  target: 'compose',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not run services as root explicitly',
  fix: 'suggestion',
  anchors: {
    pss: ['restricted:runAsUser'],
  },
  messages: {
    root: (service: string, user: string) => `Service '${service}' runs as root (user: ${user}).`,
  },
  docs: {
    summary: 'A service sets `user` to `root` or UID 0 (with or without a group).',
    rationale: 'Root in a container is the same UID 0 as on the host unless user namespaces are enabled. A process running as root can use every capability the container has, write to root-owned files in bind mounts, and turns any container escape into a root compromise of the host.',
    remediation: 'Set `user` to an unprivileged UID and GID, for example `"1000:1000"`, and make sure the files the service writes are owned by that user (or are in a volume).',
    references: ['https://docs.docker.com/reference/compose-file/services/#user', 'CIS Docker Benchmark 4.1'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    user: root\n', 'services:\n  app:\n    image: alpine:3.20\n    user: "0:0"\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    user: "1000:1000"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'user');
      const user = stringValue(field?.value);
      if (!field || user === undefined || !isRoot(user)) return;
      ctx.report({ at: locate(ctx.model.file, field, field.value), messageId: 'root', args: [s.name, user], fixes: lazySuggestion('Run as user "1000:1000"', () => field.inherited ? undefined : replaceScalar(ctx.model.file, field.value, '1000:1000', true, true)) });
    },
  },
});
