import rule from '../../../rules/src/compose/userns-host';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            userns_mode: "private"
      `, name: 'not host' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            userns_mode: host # debugging
            restart: always
      `,
      errors: [{ messageId: 'host', line: 4, column: 18, endColumn: 22, message: "Service 'app' opts out of user-namespace remapping (userns_mode: host)." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            restart: always
      `],
    },
    {
      code: dedent`
        services:
          db:
            image: postgres:16
          app:
            userns_mode: "HOST"
            image: alpine:3.20
      `,
      name: 'quoted, upper case, second service',
      errors: [{ messageId: 'host', line: 5, column: 18, endColumn: 24 }],
      suggestions: [dedent`
        services:
          db:
            image: postgres:16
          app:
            image: alpine:3.20
      `],
    },
    {
      code: 'services:\n  app: {image: "alpine:3.20", userns_mode: host}\n',
      name: 'flow map',
      errors: [{ messageId: 'host', line: 2 }],
      suggestions: ['services:\n  app: {image: "alpine:3.20"}\n'],
    },
  ],
});
