import rule from '../../../rules/src/compose/mount-propagation-shared';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          volumes:
            - type: bind
              source: ./data
              target: /data
              bind:
                propagation: rprivate
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - type: bind
                source: ./data
                target: /data
                bind:
                  propagation: rshared
      `,
      errors: [{ messageId: 'propagation', line: 9, column: 24, endColumn: 31, message: "Service 'app' uses 'rshared' mount propagation, so mounts cross between host and container." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - type: bind
                source: ./data
                target: /data
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - type: bind
                source: ./data
                target: /data
                bind:
                  create_host_path: true
                  propagation: slave
      `,
      name: 'other bind options are kept',
      errors: [{ messageId: 'propagation', line: 10, column: 24, endColumn: 29 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - type: bind
                source: ./data
                target: /data
                bind:
                  create_host_path: true
      `],
    },
  ],
});
