import rule from '../../../rules/src/compose/secret-in-environment';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        db:
          image: postgres:16
          environment:
            POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
            POSTGRES_PASSWORD_FILE: /run/secrets/db
            JWT_SECRET:
            API_TOKEN: \${API_TOKEN:?set it}
            TOKEN_TTL: "3600"
            AWS_ACCESS_KEY_ID: AKIAEXAMPLE
            STRIPE_PUBLISHABLE_KEY: pk_test_123
            PWD: /app
            SECRET_ENABLED: "true"
    `,
    { code: dedent`
        services:
          app:
            image: example/app:1.0
            environment:
              - DATABASE_URL=postgres://app:\${DB_PASSWORD}@db/app
              - REDIS_URL=redis://cache:6379
              - ADMIN_PASSWORD
              - SECRET_KEY=
      `, name: 'list form: interpolated, no password, passed through, empty' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: app
              POSTGRES_PASSWORD: hunter2
      `,
      errors: [{ messageId: 'literal', line: 6, column: 7, endColumn: 33, message: "Service 'db' sets POSTGRES_PASSWORD to a literal secret." }],
      suggestions: [dedent`
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_USER: app
              POSTGRES_PASSWORD: "\${POSTGRES_PASSWORD}"
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: example/app:1.0
            environment:
              - apiKey=abc123
              - DATABASE_URL=postgres://app:hunter2@db:5432/app
              - "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI"
      `,
      name: 'list form, camelCase name, URL credentials',
      errors: [
        { messageId: 'literal', line: 5, column: 9, endColumn: 22 },
        { messageId: 'urlCredentials', line: 6, column: 9, message: "Service 'app' puts a password inside the URL in DATABASE_URL." },
        { messageId: 'literal', line: 7, column: 9, endColumn: 46 },
      ],
      suggestions: [dedent`
        services:
          app:
            image: example/app:1.0
            environment:
              - "apiKey=\${apiKey}"
              - DATABASE_URL=postgres://app:hunter2@db:5432/app
              - "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI"
      `],
    },
  ],
});
