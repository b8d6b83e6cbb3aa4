import rule from '../../../rules/src/compose/restart-on-failure-5';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        customer:
          image: whoa/hello:1
          restart: on-failure:5
          deploy:
            restart_policy:
              condition: on-failure
              max_attempts: 5
    `,
    { code: 'services:\n  app:\n    image: alpine:3.20\n    restart: unless-stopped\n', name: 'other policies are not judged' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          customer:
            image: whoa/hello:1
            restart: on-failure:10
            deploy:
              restart_policy:
                condition: on-failure
                max_attempts: 10
      `,
      errors: [
        { messageId: 'retries', line: 4, column: 14, endColumn: 27, message: "Service 'customer' restarts on failure with 10 attempts instead of 5 attempts." },
        { messageId: 'retries', line: 8, column: 23, endColumn: 25, message: "Service 'customer' restarts on failure with max_attempts 10 instead of 5 attempts." },
      ],
      suggestions: [dedent`
        services:
          customer:
            image: whoa/hello:1
            restart: on-failure:5
            deploy:
              restart_policy:
                condition: on-failure
                max_attempts: 10
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            restart: "on-failure"
            deploy:
              restart_policy:
                condition: on-failure
      `,
      name: 'no limits at all',
      errors: [{ messageId: 'retries', line: 4, message: "Service 'app' restarts on failure with no retry limit instead of 5 attempts." }, { messageId: 'retries', line: 7, column: 20, endColumn: 30 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            restart: "on-failure:5"
            deploy:
              restart_policy:
                condition: on-failure
      `],
    },
  ],
});
