import { defineRule } from '../engine/rule';
import { objectLabel } from '../model/kubernetes/workloads';
import { keyRange, mapGet } from '../model/yaml/documents';

const CRONJOB = (extra: string): string => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 * * * *"\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: example.com/report:1.4\n`;

export default defineRule({
  id: 'K8S091',
  name: 'cronjob-starting-deadline',
  target: 'kubernetes',
  category: 'reliability',
  severity: 'info',
  title: 'Give CronJobs a startingDeadlineSeconds',
  fix: 'none',
  defaultOff: true,
  anchors: {
    kics: ['192fe40b-b1c3-448a-aba2-6cc19a300fe3'],
  },
  messages: {
    noDeadline: (cronJob: string) => `${cronJob} sets no spec.startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it.`,
  },
  docs: {
    summary: 'A CronJob does not set `spec.startingDeadlineSeconds`.',
    rationale: 'Without a deadline the CronJob controller counts every schedule missed since the last run (controller downtime, a long suspension, a paused cluster); past 100 it logs an error and never starts the job again until someone edits it. A deadline bounds the window it looks back on and lets late runs be skipped deliberately. Off by default (reliability, not security).',
    remediation: 'Set `spec.startingDeadlineSeconds` to how late a run may still start (for example a few minutes for an hourly job).',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#job-creation'],
    examples: {
      bad: [CRONJOB('')],
      good: [CRONJOB('  startingDeadlineSeconds: 300\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'CronJob' || !o.apiVersion.startsWith('batch/')) return;
      const spec = mapGet(o.node, 'spec');
      if (spec === undefined || mapGet(spec, 'jobTemplate') === undefined || mapGet(spec, 'startingDeadlineSeconds') !== undefined) return;
      ctx.report({ at: keyRange(o.file, o.node, 'spec') ?? o.headRange, messageId: 'noDeadline', args: [objectLabel(o)] });
    },
  },
});
