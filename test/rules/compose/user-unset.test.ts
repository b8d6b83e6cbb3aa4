import rule from '../../../rules/src/compose/user-unset';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          user: "1000:1000"
    `,
    { code: dedent`
        services:
          base:
            image: alpine:3.20
            user: app
          worker:
            extends:
              service: base
      `, name: 'from extends' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20 # pinned
      `,
      errors: [{ messageId: 'unset', line: 2, column: 3, endColumn: 6 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20 # pinned
            user: "1000:1000"
      `],
    },
  ],
});
