import { lazySuggestion, defineRule } from '../engine/rule';
import { resolvedField } from '../model/compose/services';
import { addMapEntry } from '../model/compose/edits';

export default defineRule({
  id: 'DC021',
  name: 'user-unset',
  target: 'compose',
  category: 'privilege',
  severity: 'info',
  defaultOff: true,
  title: 'Set an unprivileged user for each service',
  fix: 'suggestion',
  anchors: {
    pss: ['restricted:runAsNonRoot'],
  },
  messages: {
    unset: (service: string) => `Service '${service}' does not set 'user', so it runs as whatever user the image defaults to (often root).`,
  },
  docs: {
    summary: 'A service has no `user` key. Off by default: many images already switch to an unprivileged user, which a Compose file cannot see.',
    rationale: 'Without `user`, the image\'s USER applies, and for most base images that is root. Setting it in the Compose file makes the runtime user explicit and enforceable regardless of how the image was built.',
    remediation: 'Add `user: "<uid>:<gid>"` with an unprivileged UID, for example `"1000:1000"`, or confirm the image sets a non-root USER and suppress this finding.',
    references: ['https://docs.docker.com/reference/compose-file/services/#user', 'CIS Docker Benchmark 4.1'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    user: "1000:1000"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial || resolvedField(s, 'user')) return;
      ctx.report({ at: s.range, messageId: 'unset', args: [s.name], fixes: lazySuggestion('Add user: "1000:1000"', () => addMapEntry(ctx.model.file, s.node, 'user', '"1000:1000"')) });
    },
  },
});
