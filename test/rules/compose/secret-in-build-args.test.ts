import rule from '../../../rules/src/compose/secret-in-build-args';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          build:
            context: .
            args:
              NODE_VERSION: "20"
              NPM_TOKEN_FILE: /run/secrets/npm
            secrets: [npm_token]
    `,
    { code: 'services:\n  app:\n    build: .\n', name: 'short build syntax' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            build:
              context: .
              args:
                NPM_TOKEN: \${NPM_TOKEN}
                GITHUB_TOKEN: ghp_example
      `,
      errors: [
        { messageId: 'passed', line: 6, column: 9, endColumn: 32, message: "Service 'app' passes a secret as the build argument NPM_TOKEN; it stays in the image history." },
        { messageId: 'literal', line: 7, column: 9, endColumn: 34, message: "Service 'app' passes the build argument GITHUB_TOKEN a literal secret." },
      ],
    },
    {
      code: dedent`
        services:
          app:
            build:
              context: .
              args:
                - DB_PASSWORD
                - PIP_INDEX_URL=https://user:s3cret@pypi.example.com/simple
      `,
      name: 'list form: passed through from the environment, URL credentials',
      errors: [{ messageId: 'passed', line: 6, column: 11, endColumn: 22 }, { messageId: 'literal', line: 7 }],
    },
  ],
});
