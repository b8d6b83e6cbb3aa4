import rule from '../../../rules/src/compose/image-digest-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16.4@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n',
    { code: 'services:\n  app:\n    build: .\n    image: example/app:1.0\n', name: 'built locally' },
    { code: 'services:\n  app:\n    image: ${IMAGE}\n', name: 'interpolated' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16.4
      `,
      errors: [{ messageId: 'noDigest', line: 3, column: 12, endColumn: 25, message: "Service 'db' pulls 'postgres:16.4' by tag only; the tag can be moved to different content." }],
    },
  ],
});
