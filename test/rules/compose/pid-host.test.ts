import rule from '../../../rules/src/compose/pid-host';
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
            pid: "service:db"
      `, name: 'not host' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            pid: host # debugging
            restart: always
      `,
      errors: [{ messageId: 'host', line: 4, column: 10, endColumn: 14, message: "Service 'app' shares the host's process namespace (pid: host)." }],
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
            pid: "HOST"
            image: alpine:3.20
      `,
      name: 'quoted, upper case, second service',
      errors: [{ messageId: 'host', line: 5, column: 10, endColumn: 16 }],
      suggestions: [dedent`
        services:
          db:
            image: postgres:16
          app:
            image: alpine:3.20
      `],
    },
    {
      code: 'services:\n  app: {image: "alpine:3.20", pid: host}\n',
      name: 'flow map',
      errors: [{ messageId: 'host', line: 2 }],
      suggestions: ['services:\n  app: {image: "alpine:3.20"}\n'],
    },
  ],
});
