import { defineRule } from '../engine/rule';
import { mapGet, pairOf, scalarValue, seqItems, stringValue, nodeRange } from '../model/yaml/documents';
import { resolvedField } from '../model/compose/services';

/** True when `healthcheck.test` is `NONE` (string or first list item). */
function isNoneTest(test: unknown): boolean {
  const first = stringValue(seqItems(test)[0]) ?? stringValue(test);
  return first?.trim().toUpperCase() === 'NONE';
}

export default defineRule({
  id: 'DC027',
  name: 'healthcheck-not-set',
  target: 'compose',
  category: 'reliability',
  severity: 'info',
  title: 'Give each service a health check',
  fix: 'none',
  anchors: {
    kics: ['698ed579-b239-4f8f-a388-baa4bcb13ef8'],
  },
  messages: {
    missing: (service: string) => `Service '${service}' has no healthcheck (unless its image defines one).`,
    disabled: (service: string) => `Service '${service}' disables its healthcheck.`,
  },
  docs: {
    summary: 'A service has no `healthcheck`, or disables it with `disable: true` or `test: ["NONE"]`.',
    rationale: 'Without a health check Docker only knows whether the process is running, not whether it works: a hung or half-started service keeps receiving traffic, `depends_on: condition: service_healthy` cannot be used, and restart policies never kick in for a deadlocked process.',
    remediation: 'Add a `healthcheck` with a `test` that exercises the service (an HTTP probe, `pg_isready`, …) plus `interval`, `timeout` and `retries`; images that define HEALTHCHECK themselves need nothing in the Compose file.',
    references: ['https://docs.docker.com/reference/compose-file/services/#healthcheck', 'https://docs.docker.com/reference/dockerfile/#healthcheck', 'CIS Docker Benchmark 5.26'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n', 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      disable: true\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      if (s.partial) return;
      const field = resolvedField(s, 'healthcheck');
      if (!field) {
        ctx.report({ at: s.range, messageId: 'missing', args: [s.name] });
        return;
      }
      const file = ctx.model.file;
      const disable = pairOf(field.value, 'disable');
      const test = pairOf(field.value, 'test');
      const where = (node: unknown) => (field.inherited || !s.fields.has('healthcheck') ? s.range : nodeRange(file, node) ?? s.range);
      if (disable && scalarValue(disable.value) === true) ctx.report({ at: where(disable.key), messageId: 'disabled', args: [s.name] });
      else if (test && isNoneTest(mapGet(field.value, 'test'))) ctx.report({ at: where(test.key), messageId: 'disabled', args: [s.name] });
    },
  },
});
