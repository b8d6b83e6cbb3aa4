import rule from '../../../rules/src/compose/memory-limit-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        zipkin:
          image: openzipkin/zipkin:3
          deploy:
            resources:
              limits:
                memory: 256M
    `,
    { code: dedent`
        version: "3.9"
        services:
          app:
            build: .
            mem_limit: 512m
      `, name: 'mem_limit counts whatever the version says' },
    { code: dedent`
        services:
          base:
            image: alpine:3.20
            mem_limit: 1g
          app:
            extends: base
      `, name: 'from extends' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
      `,
      name: 'nothing at all: mem_limit suggested',
      errors: [{ messageId: 'missing', line: 2, column: 3, endColumn: 6, message: "Service 'app' has no memory limit." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            mem_limit: 512m
      `],
    },
    {
      code: dedent`
        version: "3.7"
        services:
          zapzop:
            image: openzapzop/zapzop
            deploy:
              resources:
                limits:
                  cpus: '0.3'
                reservations:
                  cpus: '0.1'
      `,
      name: 'limits without memory: reported on limits, added there',
      errors: [{ messageId: 'missing', line: 7, column: 9, endColumn: 15 }],
      suggestions: [dedent`
        version: "3.7"
        services:
          zapzop:
            image: openzapzop/zapzop
            deploy:
              resources:
                limits:
                  cpus: '0.3'
                  memory: 512M
                reservations:
                  cpus: '0.1'
      `],
    },
    {
      code: dedent`
        services:
          redis:
            image: redis:7
            deploy:
              restart_policy:
                condition: on-failure
      `,
      name: 'deploy without resources: reported on deploy, no mechanical fix',
      errors: [{ messageId: 'missing', line: 4, column: 5, endColumn: 11 }],
      suggestions: [],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    mem_limit: -1\n',
      name: 'unlimited',
      errors: [{ messageId: 'unlimited', line: 4, column: 16, endColumn: 18, message: "Service 'app' sets an unlimited memory limit (-1)." }],
    },
  ],
});
