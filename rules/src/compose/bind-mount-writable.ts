import { lazySuggestion, defineRule } from '../engine/rule';
import { classifyHostPath } from '../model/compose/host-paths';
import { makeMountReadOnly } from '../model/compose/edits';

export default defineRule({
  id: 'DC014',
  name: 'bind-mount-writable',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  defaultOff: true,
  title: 'Mount host directories read-only',
  fix: 'suggestion',
  anchors: {},
  messages: {
    writable: (service: string, source: string) => `Service '${service}' can write to the host directory '${source}'.`,
  },
  docs: {
    summary: 'A bind mount has no `:ro` flag (short syntax) or no `read_only: true` (long syntax). Off by default: development setups mount source trees writable on purpose.',
    rationale: 'A writable bind mount lets a compromised container change files the host or other tools later trust: scripts, configuration, build outputs. Read-only mounts keep a compromise inside the container. Sensitive system paths and runtime sockets have their own rules (DC013, DC003).',
    remediation: 'Add `:ro` to the short syntax or `read_only: true` to the long syntax, and write only to named volumes or tmpfs.',
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes', 'https://docs.docker.com/engine/storage/bind-mounts/#use-a-read-only-bind-mount'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      for (const v of s.volumes) {
        if (v.type !== 'bind' || v.source === undefined || v.readOnly || classifyHostPath(v.source) !== undefined) continue;
        ctx.report({ at: v.at, messageId: 'writable', args: [s.name, v.source], fixes: lazySuggestion('Mount it read-only', () => makeMountReadOnly(ctx.model.file, v)) });
      }
    },
  },
});
