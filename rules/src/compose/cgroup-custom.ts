import { lazySuggestion, defineRule } from '../engine/rule';
import { stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { deleteField } from '../model/compose/edits';

export default defineRule({
  id: 'DC012',
  name: 'cgroup-custom',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  title: 'Keep the default cgroup parent and a private cgroup namespace',
  fix: 'suggestion',
  anchors: {
    kics: ['4d9f44c6-2f4a-4317-9bb5-267adbea0232'],
  },
  messages: {
    parent: (service: string, parent: string) => `Service '${service}' runs under the custom cgroup parent '${parent}'.`,
    hostNamespace: (service: string) => `Service '${service}' uses the host cgroup namespace (cgroup: host).`,
  },
  docs: {
    summary: 'A service sets `cgroup_parent`, or `cgroup: host`.',
    rationale: 'The cgroup parent decides which resource limits apply to the container; a custom parent can place it outside the limits the operator set up for Docker. `cgroup: host` lets the container see the host cgroup hierarchy, which leaks information about other workloads and is a step in some escapes (release_agent).',
    remediation: 'Remove `cgroup_parent` unless the host is configured for it on purpose, and remove `cgroup: host` (the default is a private namespace on cgroup v2).',
    references: ['https://docs.docker.com/reference/compose-file/services/#cgroup_parent', 'https://docs.docker.com/reference/compose-file/services/#cgroup', 'CIS Docker Benchmark 5.24'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    cgroup_parent: m-executor-abcd\n', 'services:\n  app:\n    image: alpine:3.20\n    cgroup: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cgroup: private\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const file = ctx.model.file;
      const parentField = fieldOf(s, 'cgroup_parent');
      const parent = stringValue(parentField?.value);
      if (parentField && parent !== undefined && parent.trim() !== '') {
        ctx.report({ at: locate(file, parentField, parentField.value), messageId: 'parent', args: [s.name, parent], fixes: lazySuggestion('Remove cgroup_parent', () => deleteField(file, s, parentField)) });
      }
      const ns = fieldOf(s, 'cgroup');
      if (ns && stringValue(ns.value)?.trim().toLowerCase() === 'host') {
        ctx.report({ at: locate(file, ns, ns.value), messageId: 'hostNamespace', args: [s.name], fixes: lazySuggestion('Remove cgroup: host', () => deleteField(file, s, ns)) });
      }
    },
  },
});
