import { defineRule } from '../engine/rule';
import { reportHostMode } from '../model/compose/host-mode';

export default defineRule({
  id: 'DC010',
  name: 'userns-host',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Do not opt services out of user-namespace remapping',
  fix: 'suggestion',
  anchors: {
    kics: ['8af7162d-6c98-482f-868e-0d33fb675ca8'],
  },
  messages: {
    host: (service: string) => `Service '${service}' opts out of user-namespace remapping (userns_mode: host).`,
  },
  docs: {
    summary: 'A service sets `userns_mode: host`, so root in the container is root on the host even when the daemon remaps users.',
    rationale: 'With `userns-remap` enabled on the daemon, container root maps to an unprivileged host user, which contains the damage of an escape. `userns_mode: host` turns that off for this service.',
    remediation: 'Remove `userns_mode: host` and fix whatever needed host UIDs (usually file ownership on bind mounts) instead.',
    references: ['https://docs.docker.com/reference/compose-file/services/#userns_mode', 'https://docs.docker.com/engine/security/userns-remap/', 'CIS Docker Benchmark 5.30'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    userns_mode: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    user: "1000:1000"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      reportHostMode(s, ctx, 'userns_mode');
    },
  },
});
