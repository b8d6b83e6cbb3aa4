import rule from '../../../rules/src/compose/privileged-host-port';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          ports:
            - "8080:80"
            - "80"
            - 127.0.0.1::443
            - "12400-12500:124"
            - target: 80
              published: 8080
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          dhcpd:
            image: networkboot/dhcpd:1.3
            ports:
              - 67:67/udp
              - "127.0.0.1:80:8001"
              - "90-9091:8080-8081"
              - target: 8443
                published: "443"
      `,
      errors: [
        { messageId: 'privileged', line: 5, column: 9, endColumn: 18, message: "Service 'dhcpd' publishes the privileged host port 67." },
        { messageId: 'privileged', line: 6, column: 9, endColumn: 28 },
        { messageId: 'privileged', line: 7, message: "Service 'dhcpd' publishes the privileged host port range 90-9091." },
        { messageId: 'privileged', line: 8 },
      ],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            cap_drop: [NET_BIND_SERVICE]
            ports:
              - "443:8443"
      `,
      name: 'dropping NET_BIND_SERVICE does not make a privileged host port safe (unlike KICS)',
      errors: [{ messageId: 'privileged', line: 6, message: "Service 'web' publishes the privileged host port 443." }],
    },
  ],
});
