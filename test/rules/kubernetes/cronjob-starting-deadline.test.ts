import rule from '../../../rules/src/kubernetes/cronjob-starting-deadline';
import { ruleTester } from '../../utils/rule-tester';

const cron = (extra: string, apiVersion = 'batch/v1'): string => `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "*/5 * * * *"\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n              image: busybox:1.36\n`;

ruleTester(rule, {
  valid: [
    { code: cron('  startingDeadlineSeconds: 120\n'), name: 'deadline set' },
    { code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: job\n          image: busybox:1.36\n', name: 'a Job has no schedule' },
    { code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  suspend: true\n', name: 'near miss: a patch without jobTemplate' },
  ],
  invalid: [
    { code: cron(''), errors: [{ messageId: 'noDeadline', line: 5, column: 1, message: "CronJob 'c' sets no spec.startingDeadlineSeconds: after more than 100 missed schedules the controller stops starting it." }] },
    { code: cron('', 'batch/v1beta1'), name: 'batch/v1beta1', errors: [{ messageId: 'noDeadline', line: 5 }] },
  ],
});
