import rule from '../../../rules/src/compose/security-opt-label-disable';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          security_opt: ["label:type:container_t", "label=level:s0:c100,c200"]
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [./data:/data:Z]
      `, name: 'relabelled mount' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - label:disable
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 9, endColumn: 22, message: "Service 'app' turns off SELinux separation ('label:disable')." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - label=disable
              - "label=type:spc_t"
      `,
      name: 'equals separator and the super-privileged type',
      errors: [
        { messageId: 'disabled', line: 5, column: 9, endColumn: 22 },
        { messageId: 'unconfinedType', line: 6, column: 9, endColumn: 27, message: "Service 'app' runs with an unconfined SELinux type ('label=type:spc_t')." },
      ],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            security_opt:
              - "label=type:spc_t"
      `],
    },
  ],
});
