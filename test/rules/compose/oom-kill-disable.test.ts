import rule from '../../../rules/src/compose/oom-kill-disable';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: ['services:\n  app:\n    image: alpine:3.20\n    oom_kill_disable: false\n'],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            oom_kill_disable: true
      `,
      errors: [{ messageId: 'disabledUnlimited', line: 4, column: 23, endColumn: 27, message: "Service 'app' disables the OOM killer and has no memory limit, so it can exhaust the host's memory." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            oom_kill_disable: true
            mem_limit: 1g
      `,
      name: 'with a memory limit',
      errors: [{ messageId: 'disabled', line: 4, message: "Service 'app' disables the OOM killer." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            mem_limit: 1g
      `],
    },
  ],
});
