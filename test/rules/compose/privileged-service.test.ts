import rule from '../../../rules/src/compose/privileged-service';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
    `,
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            privileged: false
      `, name: 'explicitly false' },
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            privileged: "true"
      `, name: 'string, not a boolean (Compose rejects it)' },
    { code: dedent`
        x-base: &base
          privileged: true
        services:
          web:
            <<: *base
            image: nginx:1.27
            privileged: false
      `, name: 'own key overrides merged value' },
    { code: 'privileged: true\nimage: nginx\n', filename: 'values.yaml', name: 'not a compose file' },
    { code: dedent`
        services:
          dind:
            image: docker:27-dind
            # bulkhead-ignore privileged-service -- Docker-in-Docker needs it
            privileged: true
      `, name: 'suppressed by name on the line above' },
    { code: dedent`
        services:
          dind:
            image: docker:27-dind
            privileged: true # kics-scan ignore-line
      `, name: 'KICS ignore-line comment' },
    { code: dedent`
        # kics-scan disable=ae5b6871-7f45-42e0-bb4c-ab300c4d2026
        services:
          dind:
            image: docker:27-dind
            privileged: true
      `, name: 'KICS disable by query id (through anchors)' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            privileged: true # needed?
            ports: ["8080:80"]
      `,
      errors: [{ messageId: 'privileged', line: 4, column: 17, endColumn: 21, message: "Service 'web' runs privileged." }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            ports: ["8080:80"]
      `],
    },
    {
      code: 'services: {web: {image: "nginx:1.27", privileged: true}}\n',
      name: 'flow style',
      errors: [{ messageId: 'privileged', line: 1, column: 51, endColumn: 55 }],
      suggestions: ['services: {web: {image: "nginx:1.27"}}\n'],
    },
    {
      code: dedent`
        x-base: &base
          privileged: true
        services:
          a:
            image: alpine:3.20
            <<: *base
          b:
            <<: *base
            image: alpine:3.20
      `,
      name: 'merged from an anchor: reported on each service at its merge key',
      errors: [{ messageId: 'privileged', line: 6, column: 9, endColumn: 14 }, { messageId: 'privileged', line: 8, column: 9, endColumn: 14 }],
      suggestions: [dedent`
        x-base: &base
          privileged: true
        services:
          a:
            image: alpine:3.20
            <<: *base
            privileged: false
          b:
            <<: *base
            image: alpine:3.20
      `],
    },
    {
      code: dedent`
        version: "2.4"
        services:
          db:
            image: postgres:16
          web:
            build: .
            privileged: true
      `,
      filename: 'docker-compose.override.yml',
      name: 'second service, override file name',
      errors: [{ messageId: 'privileged', line: 7, message: "Service 'web' runs privileged." }],
    },
  ],
});
