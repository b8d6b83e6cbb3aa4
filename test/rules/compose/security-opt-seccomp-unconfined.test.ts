import rule from '../../../rules/src/compose/security-opt-seccomp-unconfined';
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
            - seccomp:./profile.json
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: ["apparmor:unconfined"]
      `, name: 'other option (DC006)' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:true
              - seccomp:unconfined
      `,
      errors: [{ messageId: 'unconfined', line: 6, column: 9, endColumn: 27, message: "Service 'app' disables seccomp ('seccomp:unconfined')." }],
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
            image: alpine:3.20
            security_opt: ["seccomp=Unconfined", 'no-new-privileges=true']
      `,
      name: 'equals separator, quoted flow list',
      errors: [{ messageId: 'unconfined', line: 4, column: 20, endColumn: 40 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: ['no-new-privileges=true']
      `],
    },
    {
      code: dedent`
        services:
          app:
            security_opt:
            - seccomp:unconfined
            image: alpine:3.20
      `,
      name: 'indentless sequence, only entry',
      errors: [{ messageId: 'unconfined', line: 4, column: 7, endColumn: 25 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
      `],
    },
  ],
});
