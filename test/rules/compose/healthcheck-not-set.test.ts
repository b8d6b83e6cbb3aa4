import rule from '../../../rules/src/compose/healthcheck-not-set';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          healthcheck:
            test: ["CMD", "curl", "-f", "http://localhost"]
            interval: 1m30s
    `,
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            healthcheck:
              disable: false
              test: curl -f http://localhost
      `, name: 'disable: false, string test' },
    { code: dedent`
        x-hc: &hc
          healthcheck:
            test: ["CMD-SHELL", "pg_isready"]
        services:
          db:
            image: postgres:16
            <<: *hc
      `, name: 'from a merge key' },
  ],
  invalid: [
    {
      code: dedent`
        version: '2.1'
        services:
         lelele-service:
            build: ./
            image: lelele-service
      `,
      name: 'missing (odd one-space service indentation)',
      errors: [{ messageId: 'missing', line: 3, column: 2, endColumn: 16, message: "Service 'lelele-service' has no healthcheck (unless its image defines one)." }],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            healthcheck:
              disable: true
      `,
      name: 'disabled',
      errors: [{ messageId: 'disabled', line: 5, column: 7, endColumn: 14 }],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            healthcheck:
              test: ["NONE"]
          worker:
            image: nginx:1.27
            healthcheck:
              test: NONE
      `,
      name: 'test NONE, list and string',
      errors: [{ messageId: 'disabled', line: 5, column: 7, endColumn: 11 }, { messageId: 'disabled', line: 9, column: 7, endColumn: 11 }],
    },
  ],
});
