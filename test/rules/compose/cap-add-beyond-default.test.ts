import rule from '../../../rules/src/compose/cap-add-beyond-default';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          cap_add: [NET_BIND_SERVICE, CHOWN, SETUID, SETGID, cap_kill]
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: [SYS_ADMIN]
      `, name: 'host-level capabilities belong to DC004' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add: ["\${EXTRA_CAP}"]
      `, name: 'interpolated' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
              - NET_RAW
              - IPC_LOCK
      `,
      errors: [
        { messageId: 'beyond', line: 5, column: 9, endColumn: 16, message: "Service 'app' adds the capability NET_RAW, which is outside the baseline set." },
        { messageId: 'beyond', line: 6, column: 9, endColumn: 17 },
      ],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
              - IPC_LOCK
      `],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    cap_add: [sys_nice]\n',
      name: 'only entry, flow',
      errors: [{ messageId: 'beyond', line: 4, column: 15, endColumn: 23 }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  ],
});
