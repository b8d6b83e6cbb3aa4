import rule from '../../../rules/src/compose/cap-add-dangerous';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          cap_add: [NET_BIND_SERVICE, CHOWN]
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_drop: [ALL, SYS_ADMIN]
      `, name: 'dropping is fine' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: [NET_RAW]
      `, name: 'outside baseline but not host-level (DC017)' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
              - NET_BIND_SERVICE
              - ALL # everything
            cap_drop: [ALL]
      `,
      errors: [{ messageId: 'all', line: 6, column: 9, endColumn: 12, message: "Service 'app' adds every Linux capability (cap_add: ALL)." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
              - NET_BIND_SERVICE
            cap_drop: [ALL]
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
              - all
      `,
      name: 'lower case, only entry: the whole key goes',
      errors: [{ messageId: 'all', line: 5, column: 9, endColumn: 12 }],
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
            cap_add: [CAP_SYS_ADMIN, SYS_PTRACE, NET_ADMIN]
      `,
      name: 'flow style, CAP_ prefix, several',
      errors: [
        { messageId: 'dangerous', line: 4, column: 15, endColumn: 28, message: "Service 'app' adds the capability SYS_ADMIN, which allows breaking out to the host." },
        { messageId: 'dangerous', line: 4, column: 30, endColumn: 40 },
        { messageId: 'dangerous', line: 4, column: 42, endColumn: 51 },
      ],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: [SYS_PTRACE, NET_ADMIN]
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: [NET_BIND_SERVICE, sys_module]
      `,
      name: 'flow style, last entry',
      errors: [{ messageId: 'dangerous', line: 4, column: 33, endColumn: 43 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: [NET_BIND_SERVICE]
      `],
    },
    {
      code: dedent`
        x-caps: &caps
          cap_add: [SYS_ADMIN]
        services:
          app:
            image: alpine:3.20
            <<: *caps
      `,
      name: 'merged from an anchor',
      errors: [{ messageId: 'dangerous', line: 6, column: 9, endColumn: 14 }],
      suggestions: [],
    },
  ],
});
