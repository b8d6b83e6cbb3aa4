import { lazySuggestion, defineRule } from '../engine/rule';
import { mapGet, pairOf, scalarValue, stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';
import { replaceScalar } from '../model/compose/edits';

export default defineRule({
  id: 'DC034',
  name: 'restart-on-failure-5',
  target: 'compose',
  category: 'reliability',
  severity: 'info',
  defaultOff: true,
  title: 'Limit on-failure restarts to 5 attempts',
  fix: 'suggestion',
  anchors: {
    kics: ['2fc99041-ddad-49d5-853f-e35e70a48391'],
  },
  messages: {
    retries: (service: string, setting: string) => `Service '${service}' restarts on failure with ${setting} instead of 5 attempts.`,
  },
  docs: {
    summary: 'A service uses the `on-failure` restart policy (`restart: on-failure[:N]` or `deploy.restart_policy`) with a retry count other than 5, or with no count (unlimited). Off by default: this is a CIS Docker Benchmark recommendation rather than a vulnerability.',
    rationale: 'A container that keeps crashing and restarting forever can mask an attack (for example repeated exploitation attempts that crash the process) and wastes host resources. The CIS Docker Benchmark recommends capping on-failure restarts at 5 so a persistently failing service stops and gets noticed.',
    remediation: 'Use `restart: on-failure:5`, or `max_attempts: 5` in `deploy.restart_policy`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#restart', 'https://docs.docker.com/reference/compose-file/deploy/#restart_policy', 'CIS Docker Benchmark 5.14'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    restart: on-failure:10\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    restart: on-failure:5\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const file = ctx.model.file;
      const restart = fieldOf(s, 'restart');
      const policy = stringValue(restart?.value)?.trim();
      const m = policy === undefined ? null : /^on-failure(?::(\d+))?$/.exec(policy);
      if (restart && m && m[1] !== '5') {
        ctx.report({ at: locate(file, restart, restart.value), messageId: 'retries', args: [s.name, m[1] === undefined ? 'no retry limit' : `${m[1]} attempts`], fixes: lazySuggestion('Use on-failure:5', () => restart.inherited ? undefined : replaceScalar(file, restart.value, 'on-failure:5')) });
      }
      const deploy = fieldOf(s, 'deploy');
      const rp = mapGet(deploy?.value, 'restart_policy');
      if (!deploy || stringValue(mapGet(rp, 'condition'))?.trim() !== 'on-failure') return;
      const attempts = pairOf(rp, 'max_attempts');
      const n = scalarValue(attempts?.value);
      if (n === 5 || n === '5') return;
      const at = attempts ? locate(file, deploy, attempts.value) : locate(file, deploy, pairOf(rp, 'condition')?.value);
      ctx.report({ at, messageId: 'retries', args: [s.name, attempts ? `max_attempts ${String(n)}` : 'no max_attempts'], fixes: lazySuggestion('Set max_attempts: 5', () => attempts && !deploy.inherited ? replaceScalar(file, attempts.value, '5') : undefined) });
    },
  },
});
