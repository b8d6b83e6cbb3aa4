import rule from '../../../rules/src/compose/read-only-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          read_only: true
    `,
    { code: dedent`
        x-ro: &ro
          read_only: true
        services:
          app:
            image: alpine:3.20
            <<: *ro
      `, name: 'from a merge key' },
    { code: 'services:\n  app:\n    ports: ["80:80"]\n', name: 'override fragment' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20

          db:
            image: postgres:16
            read_only: true
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3, endColumn: 6, message: "Service 'app' has a writable root filesystem (no read_only: true)." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            read_only: true

          db:
            image: postgres:16
            read_only: true
      `],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    read_only: false\n',
      name: 'explicitly false',
      errors: [{ messageId: 'disabled', line: 4, column: 16, endColumn: 21 }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n    read_only: true\n'],
    },
    {
      code: dedent`
        x-rw: &rw
          read_only: false
        services:
          app:
            <<: *rw
            image: alpine:3.20
      `,
      name: 'false from a merge key: an own key overrides it',
      errors: [{ messageId: 'disabled', line: 5, column: 9, endColumn: 12 }],
      suggestions: [dedent`
        x-rw: &rw
          read_only: false
        services:
          app:
            <<: *rw
            image: alpine:3.20
            read_only: true
      `],
    },
  ],
});
