import rule from '../../../rules/src/compose/image-latest';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        db:
          image: postgres:16.4
        cache:
          image: redis:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
        app:
          build: .
          image: example/app
        env:
          image: \${REGISTRY}/app:\${TAG:-latest}
        local:
          image: localhost:5000/app:1.0
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:latest
          web:
            image: "nginx"
          proxy:
            image: "localhost:5000/proxy:latest"
      `,
      errors: [
        { messageId: 'latest', line: 3, column: 21, endColumn: 27, message: "Service 'db' uses the moving tag 'latest' (postgres:latest)." },
        { messageId: 'untagged', line: 5, column: 12, endColumn: 19, message: "Service 'web' uses 'nginx' without a tag, so 'latest' is implied." },
        { messageId: 'latest', line: 7, column: 34, endColumn: 40 },
      ],
    },
    {
      code: dedent`
        x-img: &img
          image: postgres
        services:
          db:
            <<: *img
      `,
      name: 'from a merge key',
      errors: [{ messageId: 'untagged', line: 5, column: 9, endColumn: 13 }],
    },
  ],
});
