import rule from '../../../rules/src/compose/shared-volume';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          volumes: [uploads:/data]
        worker:
          image: alpine:3.20
          volumes: ["uploads:/in:ro"]
      volumes:
        uploads: {}
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [./logic:/app]
          backend:
            image: alpine:3.20
            volumes: [./bin:/app]
      `, name: 'different host paths' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [data:/a, data:/b]
      `, name: 'one service mounting twice' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          frontend:
            image: alpine:3.20
            volumes:
              - ./logic:/app
          backend:
            image: alpine:3.20
            volumes:
              - ./logic/:/srv
          reader:
            image: alpine:3.20
            volumes: ["./logic:/ro:ro"]
      `,
      errors: [
        { messageId: 'shared', line: 5, column: 9, endColumn: 21, message: "Service 'frontend' can write to './logic', which 'backend' can write to as well." },
        { messageId: 'shared', line: 9, column: 9, endColumn: 22 },
      ],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [shared-volume:/app/uploads]
          checker:
            image: alpine:3.20
            volumes: [shared-volume:/uploads]
          third:
            image: alpine:3.20
            volumes: [shared-volume:/x]
        volumes:
          shared-volume: {}
      `,
      name: 'named volume, three writers',
      errors: [
        { messageId: 'shared', line: 4, column: 15, endColumn: 41, message: "Service 'app' can write to 'shared-volume', which 'checker', 'third' can write to as well." },
        { messageId: 'shared', line: 7, column: 15 },
        { messageId: 'shared', line: 10, column: 15 },
      ],
    },
  ],
});
