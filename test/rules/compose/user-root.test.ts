import rule from '../../../rules/src/compose/user-root';
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
    { code: 'services:\n  app:\n    image: alpine:3.20\n    user: rootless\n', name: 'name starting with root' },
    { code: 'services:\n  app:\n    image: alpine:3.20\n    user: "10:0"\n', name: 'root group only' },
    { code: 'services:\n  app:\n    image: alpine:3.20\n', name: 'unset (DC021)' },
  ],
  invalid: [
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    user: root\n',
      errors: [{ messageId: 'root', line: 4, column: 11, endColumn: 15, message: "Service 'app' runs as root (user: root)." }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n    user: "1000:1000"\n'],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    user: 0\n',
      name: 'uid 0 as a number',
      errors: [{ messageId: 'root', line: 4, column: 11, endColumn: 12 }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n    user: "1000:1000"\n'],
    },
    {
      code: "services:\n  app:\n    image: alpine:3.20\n    user: 'root:wheel'\n",
      name: 'with a group, single quotes kept',
      errors: [{ messageId: 'root', line: 4, column: 11, endColumn: 23 }],
      suggestions: ["services:\n  app:\n    image: alpine:3.20\n    user: '1000:1000'\n"],
    },
  ],
});
