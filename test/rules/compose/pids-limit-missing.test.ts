import rule from '../../../rules/src/compose/pids-limit-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        auth:
          build: .
          pids_limit: 10
    `,
    { code: dedent`
        services:
          auth:
            image: alpine:3.20
            deploy:
              resources:
                limits:
                  pids: 100
      `, name: 'deploy.resources.limits.pids (no version gating)' },
  ],
  invalid: [
    {
      code: dedent`
        version: '2.2'
        services:
          auth:
            build: .
            restart: on-failure
      `,
      errors: [{ messageId: 'missing', line: 3, column: 3, endColumn: 7, message: "Service 'auth' has no process limit." }],
      suggestions: [dedent`
        version: '2.2'
        services:
          auth:
            build: .
            restart: on-failure
            pids_limit: 200
      `],
    },
    {
      code: 'services:\n  auth:\n    build: .\n    pids_limit: -1\n',
      name: 'unlimited',
      errors: [{ messageId: 'unlimited', line: 4, column: 17, endColumn: 19, message: "Service 'auth' sets an unlimited process limit (-1)." }],
    },
  ],
});
