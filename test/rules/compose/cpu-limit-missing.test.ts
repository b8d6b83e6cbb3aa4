import rule from '../../../rules/src/compose/cpu-limit-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          deploy:
            resources:
              limits:
                cpus: '0.3'
    `,
    { code: 'services:\n  app:\n    build: .\n    cpus: 0.25\n', name: 'cpus' },
    { code: 'services:\n  app:\n    build: .\n    cpu_quota: 50000\n', name: 'cpu_quota' },
  ],
  invalid: [
    {
      code: dedent`
        version: "2.4"
        services:
          criwhat:
            build:
              context: "./cri/what"
            mem_limit: 512m
      `,
      errors: [{ messageId: 'missing', line: 3, column: 3, endColumn: 10, message: "Service 'criwhat' has no CPU limit." }],
      suggestions: [dedent`
        version: "2.4"
        services:
          criwhat:
            build:
              context: "./cri/what"
            mem_limit: 512m
            cpus: 0.5
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            deploy:
              resources:
                limits: {memory: 256M}
      `,
      name: 'flow limits map',
      errors: [{ messageId: 'missing', line: 6, column: 9, endColumn: 15 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            deploy:
              resources:
                limits: {memory: 256M, cpus: "0.5"}
      `],
    },
  ],
});
