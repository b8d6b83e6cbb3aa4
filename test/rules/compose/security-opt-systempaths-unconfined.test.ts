import rule from '../../../rules/src/compose/security-opt-systempaths-unconfined';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: ['services:\n  app:\n    image: alpine:3.20\n    security_opt: [no-new-privileges:true]\n'],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:true
              - systempaths=unconfined
      `,
      errors: [{ messageId: 'unmasked', line: 6, column: 9, endColumn: 31, message: "Service 'app' unmasks kernel paths in /proc and /sys ('systempaths=unconfined')." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - no-new-privileges:true
      `],
    },
  ],
});
