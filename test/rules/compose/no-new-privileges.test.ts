import rule from '../../../rules/src/compose/no-new-privileges';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          security_opt:
            - no-new-privileges:true
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: [no-new-privileges]
      `, name: 'bare flag' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: ["no-new-privileges=TRUE"]
      `, name: 'equals separator' },
    { code: dedent`
        x-hardening: &hardening
          security_opt: [no-new-privileges:true]
        services:
          app:
            <<: *hardening
            image: alpine:3.20
      `, name: 'from a merge key' },
    { code: 'services:\n  app:\n    environment: [A=1]\n', name: 'override fragment' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3, endColumn: 6, message: "Service 'app' does not set no-new-privileges, so setuid binaries can raise privileges." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:true
      `],
    },
    {
      code: dedent`
        services:
          app:
            build: .
            security_opt:
              - "apparmor: false" # odd, but seen in the wild
            restart: always
      `,
      name: 'security_opt without it: appended after the last item',
      errors: [{ messageId: 'missing', line: 4, column: 5, endColumn: 17 }],
      suggestions: [dedent`
        services:
          app:
            build: .
            security_opt:
              - "apparmor: false" # odd, but seen in the wild
              - no-new-privileges:true
            restart: always
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:false
      `,
      name: 'explicitly false',
      errors: [{ messageId: 'disabled', line: 5, column: 9, endColumn: 32, message: "Service 'app' explicitly allows privilege escalation ('no-new-privileges:false')." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:true
      `],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    security_opt: ["no-new-privileges=false"]\n',
      name: 'explicitly false with =, quotes kept',
      errors: [{ messageId: 'disabled', line: 4 }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n    security_opt: ["no-new-privileges=true"]\n'],
    },
    {
      code: 'services:\r\n  app:\r\n    image: alpine:3.20\r\n',
      name: 'CRLF line endings are kept',
      errors: [{ messageId: 'missing', line: 2 }],
      suggestions: ['services:\r\n  app:\r\n    image: alpine:3.20\r\n    security_opt:\r\n      - no-new-privileges:true\r\n'],
    },
  ],
});
