import rule from '../../../rules/src/dockerfile/healthcheck-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n',
    { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n', name: 'explicitly none' },
    { code: dedent`
        FROM scratch AS base
        HEALTHCHECK CMD ["/bin/check"]
        FROM base
      `, name: 'inherited' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27\n', errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 5 }] },
    { code: dedent`
        FROM alpine:3.20 AS base
        HEALTHCHECK CMD ["/bin/check"]
        FROM alpine:3.20
      `, name: 'healthcheck only in another stage', errors: [{ messageId: 'missing', line: 3 }] },
    { code: 'FROM nginx:1.27\nONBUILD HEALTHCHECK NONE\n', name: 'ONBUILD does not count', errors: [{ messageId: 'missing', line: 1 }] },
  ],
});
