import { defineRule } from '../engine/rule';
import { reportHostMode } from '../model/compose/host-mode';

export default defineRule({
  id: 'DC008',
  name: 'pid-host',
  target: 'compose',
  category: 'isolation',
  severity: 'error',
  title: 'Services must not share the host PID namespace',
  fix: 'suggestion',
  anchors: {
    kics: ['4f31dd9f-2cc3-4751-9b53-67e4af83dac0'],
    pss: ['baseline:hostNamespaces'],
  },
  messages: {
    host: (service: string) => `Service '${service}' shares the host's process namespace (pid: host).`,
  },
  docs: {
    summary: 'A service sets `pid: host`, so it sees every process on the host.',
    rationale: 'In the host PID namespace the container can list every host process with its command line and environment, send signals to them, and with SYS_PTRACE read their memory or inject code. Secrets on the command lines of other processes become visible too.',
    remediation: 'Remove `pid: host`; to debug another container, share only its namespace with `pid: "service:<name>"`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#pid', 'CIS Docker Benchmark 5.15'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    pid: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    pid: "service:db"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      reportHostMode(s, ctx, 'pid');
    },
  },
});
