import { defineRule } from '../engine/rule';
import { reportHostMode } from '../model/compose/host-mode';

export default defineRule({
  id: 'DC009',
  name: 'ipc-host',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Services must not share the host IPC namespace',
  fix: 'suggestion',
  anchors: {
    kics: ['baa3890f-bed7-46f5-ab8f-1da8fc91c729'],
    pss: ['baseline:hostNamespaces'],
  },
  messages: {
    host: (service: string) => `Service '${service}' shares the host's IPC namespace (ipc: host).`,
  },
  docs: {
    summary: 'A service sets `ipc: host`, so it shares System V IPC objects and POSIX shared memory with the host.',
    rationale: 'Shared memory segments and message queues of host processes become readable and writable from the container, which can leak data or corrupt programs that trust them.',
    remediation: 'Remove `ipc: host`; if two services must share memory, mark one `ipc: shareable` and point the other at it with `ipc: "service:<name>"`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#ipc', 'CIS Docker Benchmark 5.16'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    ipc: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    ipc: shareable\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      reportHostMode(s, ctx, 'ipc');
    },
  },
});
