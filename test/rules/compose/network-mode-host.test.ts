import rule from '../../../rules/src/compose/network-mode-host';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          network_mode: bridge
    `,
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            network_mode: "service:db"
      `, name: 'shares another service, not the host' },
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            network_mode: none
            networks: [host]
      `, name: 'a network named host is not host mode' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            network_mode: host
            restart: always
      `,
      errors: [{ messageId: 'hostNetwork', line: 4, column: 19, endColumn: 23, message: "Service 'web' uses the host's network stack (network_mode: host)." }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            restart: always
      `],
    },
    {
      code: dedent`
        services:
          web:
            network_mode: "host"
            image: nginx:1.27
      `,
      name: 'quoted, first key',
      errors: [{ messageId: 'hostNetwork', line: 3, column: 19, endColumn: 25 }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
      `],
    },
    {
      code: dedent`
        x-host: &host
          network_mode: host
        services:
          web:
            <<: *host
            image: nginx:1.27
      `,
      name: 'merged from an anchor (no fix: the anchor is shared)',
      errors: [{ messageId: 'hostNetwork', line: 5, column: 9, endColumn: 14 }],
      suggestions: [],
    },
  ],
});
