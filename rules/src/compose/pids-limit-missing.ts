import { lazySuggestion, defineRule } from '../engine/rule';
import { isMap, scalarValue, stringValue } from '../model/yaml/documents';
import { limitOf, missingLimitRange, ownLimitsMap } from '../model/compose/resources';
import { addMapEntry } from '../model/compose/edits';
import { locate } from '../model/compose/services';

export default defineRule({
  id: 'DC030',
  name: 'pids-limit-missing',
  target: 'compose',
  category: 'resources',
  severity: 'info',
  defaultOff: true,
  title: 'Limit the number of processes of each service',
  fix: 'suggestion',
  anchors: {
    kics: ['221e0658-cb2a-44e3-b08a-db96a341d6fa'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' has no process limit.`,
    unlimited: (service: string, value: string) => `Service '${service}' sets an unlimited process limit (${value}).`,
  },
  docs: {
    summary: 'A service sets neither `pids_limit` nor `deploy.resources.limits.pids`, or sets it to -1 or 0 (unlimited). Off by default.',
    rationale: 'Without a PIDs limit a fork bomb or a runaway worker pool in one container can exhaust the process table of the whole host, so nothing else can start processes.',
    remediation: 'Set `pids_limit` (or `deploy.resources.limits.pids`) to a value comfortably above what the service uses, for example `200`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#pids_limit', 'CIS Docker Benchmark 5.28'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    pids_limit: 200\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const file = ctx.model.file;
      const limit = limitOf(s, 'pids');
      if (limit) {
        const v = scalarValue(limit.value);
        if (v === -1 || v === 0 || v === '-1' || v === '0') ctx.report({ at: locate(file, limit.field, limit.value), messageId: 'unlimited', args: [s.name, stringValue(limit.value) ?? ''] });
        return;
      }
      const limits = ownLimitsMap(s);
      ctx.report({ at: missingLimitRange(file, s), messageId: 'missing', args: [s.name], fixes: lazySuggestion('Add a PIDs limit (200; adjust to the service)', () => isMap(limits) && limits.items.length > 0 ? addMapEntry(file, limits, 'pids', '200') : s.fields.has('deploy') ? undefined : addMapEntry(file, s.node, 'pids_limit', '200')) });
    },
  },
});
