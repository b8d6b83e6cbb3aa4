import { lazySuggestion, defineRule } from '../engine/rule';
import { isMap, scalarValue, stringValue } from '../model/yaml/documents';
import { limitOf, missingLimitRange, ownLimitsMap } from '../model/compose/resources';
import { addMapEntry } from '../model/compose/edits';
import { locate } from '../model/compose/services';

export default defineRule({
  id: 'DC028',
  name: 'memory-limit-missing',
  target: 'compose',
  category: 'resources',
  severity: 'info',
  title: 'Limit the memory of each service',
  fix: 'suggestion',
  anchors: {
    kics: ['bb9ac4f7-e13b-423d-a010-c74a1bfbe492'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' has no memory limit.`,
    unlimited: (service: string, value: string) => `Service '${service}' sets an unlimited memory limit (${value}).`,
  },
  docs: {
    summary: 'A service sets neither `mem_limit` nor `deploy.resources.limits.memory`. Both spellings count, whatever the top-level `version` says.',
    rationale: 'Without a memory limit one leaking or attacked service can use all the memory of the host, and the kernel OOM killer may then kill other containers or host processes instead of the culprit.',
    remediation: 'Set `deploy.resources.limits.memory` (or `mem_limit`) to what the service needs with some headroom, for example `512M`.',
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/reference/compose-file/services/#mem_limit', 'CIS Docker Benchmark 5.10'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n', 'services:\n  app:\n    image: alpine:3.20\n    mem_limit: 512m\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const file = ctx.model.file;
      const limit = limitOf(s, 'memory');
      if (limit) {
        const v = scalarValue(limit.value);
        if (v === -1 || v === 0 || v === '0' || v === '-1') ctx.report({ at: locate(file, limit.field, limit.value), messageId: 'unlimited', args: [s.name, stringValue(limit.value) ?? ''] });
        return;
      }
      const limits = ownLimitsMap(s);
      ctx.report({ at: missingLimitRange(file, s), messageId: 'missing', args: [s.name], fixes: lazySuggestion('Add a memory limit (512M; adjust to the service)', () => isMap(limits) && limits.items.length > 0 ? addMapEntry(file, limits, 'memory', '512M') : s.fields.has('deploy') ? undefined : addMapEntry(file, s.node, 'mem_limit', '512m')) });
    },
  },
});
