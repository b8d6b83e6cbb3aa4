import rule from '../../../rules/src/compose/cap-drop-missing';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          cap_drop: [all]
    `,
    { code: dedent`
        services:
          app:
            build: .
            cap_drop:
              - CAP_ALL
      `, name: 'CAP_ prefix' },
    { code: dedent`
        services:
          app:
            environment: [DEBUG=1]
      `, filename: 'compose.override.yaml', name: 'override fragment without image or build' },
    { code: dedent`
        services:
          base:
            image: alpine:3.20
            cap_drop: [ALL]
          app:
            extends: base
      `, name: 'inherited through extends' },
    { code: dedent`
        services:
          app:
            extends:
              file: common.yaml
              service: base
      `, name: 'extends another file: cannot tell' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            ports:
              - "8080:8080"
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3, endColumn: 6, message: "Service 'app' keeps Docker's default capabilities (no cap_drop: [ALL])." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            ports:
              - "8080:8080"
            cap_drop:
              - ALL
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
            - NET_ADMIN
            cap_drop:
            - SYS_CHROOT
      `,
      name: 'drops something else: ALL appended in the same indentless style',
      errors: [{ messageId: 'notAll', line: 6, column: 5, endColumn: 13 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            cap_add:
            - NET_ADMIN
            cap_drop:
            - SYS_CHROOT
            - ALL
      `],
    },
    {
      code: 'services:\n  app:\n    image: alpine:3.20\n    cap_add:\n    - NET_ADMIN\n',
      name: 'new list follows the file\'s indentless style',
      errors: [{ messageId: 'missing', line: 2 }],
      suggestions: ['services:\n  app:\n    image: alpine:3.20\n    cap_add:\n    - NET_ADMIN\n    cap_drop:\n    - ALL\n'],
    },
    {
      code: 'services:\n  app: {image: "alpine:3.20", cap_drop: [NET_RAW]}\n',
      name: 'flow style',
      errors: [{ messageId: 'notAll', line: 2, column: 31, endColumn: 39 }],
      suggestions: ['services:\n  app: {image: "alpine:3.20", cap_drop: [NET_RAW, ALL]}\n'],
    },
  ],
});
