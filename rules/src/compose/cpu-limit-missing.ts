import { lazySuggestion, defineRule } from '../engine/rule';
import { isMap, scalarValue, stringValue } from '../model/yaml/documents';
import { limitOf, missingLimitRange, ownLimitsMap } from '../model/compose/resources';
import { addMapEntry } from '../model/compose/edits';
import { locate } from '../model/compose/services';

export default defineRule({
  id: 'DC029',
  name: 'cpu-limit-missing',
  target: 'compose',
  category: 'resources',
  severity: 'info',
  defaultOff: true,
  title: 'Limit the CPU of each service',
  fix: 'suggestion',
  anchors: {
    kics: ['6b610c50-99fb-4ef0-a5f3-e312fd945bc3'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' has no CPU limit.`,
    unlimited: (service: string, value: string) => `Service '${service}' sets an unlimited CPU limit (${value}).`,
  },
  docs: {
    summary: 'A service sets none of `cpus`, `cpu_quota` or `deploy.resources.limits.cpus`. Off by default: CPU limits matter less than memory limits and are often left to the scheduler.',
    rationale: 'A service without a CPU limit can use every core of the host, so a busy loop or an attack on it slows down all other services on the machine.',
    remediation: 'Set `deploy.resources.limits.cpus` (or `cpus`) to the share of CPU the service needs, for example `"0.5"`.',
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/reference/compose-file/services/#cpus', 'CIS Docker Benchmark 5.11'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n', 'services:\n  app:\n    image: alpine:3.20\n    cpus: 0.5\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const file = ctx.model.file;
      const limit = limitOf(s, 'cpus');
      if (limit) {
        const v = scalarValue(limit.value);
        if (v === 0 || v === '0' || v === -1) ctx.report({ at: locate(file, limit.field, limit.value), messageId: 'unlimited', args: [s.name, stringValue(limit.value) ?? ''] });
        return;
      }
      const limits = ownLimitsMap(s);
      ctx.report({ at: missingLimitRange(file, s), messageId: 'missing', args: [s.name], fixes: lazySuggestion('Add a CPU limit (0.5; adjust to the service)', () => isMap(limits) && limits.items.length > 0 ? addMapEntry(file, limits, 'cpus', '"0.5"') : s.fields.has('deploy') ? undefined : addMapEntry(file, s.node, 'cpus', '0.5')) });
    },
  },
});
