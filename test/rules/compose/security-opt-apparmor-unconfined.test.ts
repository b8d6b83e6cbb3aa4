import rule from '../../../rules/src/compose/security-opt-apparmor-unconfined';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          security_opt: [apparmor:docker-default]
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: ["apparmor: false"]
      `, name: 'odd value seen in KICS fixtures is not unconfined' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - apparmor:unconfined
              - label:disable
      `,
      errors: [{ messageId: 'unconfined', line: 5, column: 9, endColumn: 28, message: "Service 'app' turns off AppArmor ('apparmor:unconfined')." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - label:disable
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt: [apparmor=unconfined]
          other:
            image: alpine:3.20
            security_opt: ["apparmor:unconfined"]
      `,
      name: 'equals separator and two services',
      errors: [{ messageId: 'unconfined', line: 4, column: 20, endColumn: 39 }, { messageId: 'unconfined', line: 7, column: 20, endColumn: 41 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
          other:
            image: alpine:3.20
            security_opt: ["apparmor:unconfined"]
      `],
    },
  ],
});
