import rule from '../../../rules/src/compose/sysctls';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          sysctls:
            net.ipv4.ip_unprivileged_port_start: 0
            net.ipv4.tcp_syncookies: 1
    `,
    { code: 'services:\n  app:\n    image: alpine:3.20\n    sysctls: [kernel.shm_rmid_forced=1]\n', name: 'list form' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          vpn:
            image: example/vpn:1.0
            sysctls:
              net.ipv4.ip_forward: 1
              net.ipv4.tcp_syncookies: 1
          other:
            image: example/vpn:1.0
            sysctls:
              - net.ipv6.conf.all.disable_ipv6=0
      `,
      errors: [
        { messageId: 'unsafe', line: 5, column: 7, endColumn: 29, message: "Service 'vpn' sets the kernel parameter net.ipv4.ip_forward, which is not on the safe list." },
        { messageId: 'unsafe', line: 10, column: 9, endColumn: 41 },
      ],
    },
  ],
});
