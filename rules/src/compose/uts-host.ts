import { defineRule } from '../engine/rule';
import { reportHostMode } from '../model/compose/host-mode';

export default defineRule({
  id: 'DC011',
  name: 'uts-host',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  title: 'Services should not share the host UTS namespace',
  fix: 'suggestion',
  anchors: {},
  messages: {
    host: (service: string) => `Service '${service}' shares the host's UTS namespace (uts: host).`,
  },
  docs: {
    summary: 'A service sets `uts: host`, so it shares the hostname and domain name with the host.',
    rationale: 'A container in the host UTS namespace can change the host name of the machine (with SYS_ADMIN), and it breaks the assumption that every container has its own identity. It is rarely needed.',
    remediation: 'Remove `uts: host`; set the container name with `hostname` if software needs a particular one.',
    references: ['https://docs.docker.com/reference/compose-file/services/#uts', 'CIS Docker Benchmark 5.20'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    uts: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    hostname: app\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      reportHostMode(s, ctx, 'uts');
    },
  },
});
