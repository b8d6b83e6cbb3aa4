import rule from '../../../rules/src/compose/ports-all-interfaces';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          ports:
            - "127.0.0.1:8080:80"
            - "[::1]:8443:443"
            - 127.0.0.1::5000
            - target: 80
              host_ip: 192.168.1.10
              published: "8081"
          expose: ["9000"]
    `,
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            network_mode: host
            ports: ["80:80"]
      `, name: 'ports are ignored in host network mode (DC002 reports that)' },
    { code: dedent`
        services:
          web:
            image: nginx:1.27
            ports: ["\${BIND:-127.0.0.1}:80:80"]
      `, name: 'interpolated' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          db:
            image: postgres:16
            ports:
              - "5432:5432"
              - 0.0.0.0:6543:6543/tcp
              - "9000-9010:9000-9010"
              - "80"
      `,
      errors: [
        { messageId: 'allInterfaces', line: 5, column: 9, endColumn: 20, message: "Service 'db' publishes port 5432 on all host interfaces." },
        { messageId: 'allInterfaces', line: 6, column: 9, endColumn: 30 },
        { messageId: 'allInterfaces', line: 7, message: "Service 'db' publishes port 9000-9010 on all host interfaces." },
        { messageId: 'allInterfaces', line: 8, message: "Service 'db' publishes container port 80 on a random host port on all host interfaces." },
      ],
      suggestions: [dedent`
        services:
          db:
            image: postgres:16
            ports:
              - "127.0.0.1:5432:5432"
              - 0.0.0.0:6543:6543/tcp
              - "9000-9010:9000-9010"
              - "80"
      `],
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - 0.0.0.0:6543:6543/tcp\n',
      name: '0.0.0.0 replaced, protocol kept, quoted',
      errors: [{ messageId: 'allInterfaces', line: 5 }],
      suggestions: ['services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:6543:6543/tcp"\n'],
    },
    {
      code: 'services:\n  db:\n    image: postgres:16\n    ports: [80, "[::]:443:443"]\n',
      name: 'flow list, bare number and IPv6 any',
      errors: [{ messageId: 'allInterfaces', line: 4, column: 13, endColumn: 15 }, { messageId: 'allInterfaces', line: 4, column: 17, endColumn: 31 }],
      suggestions: ['services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1::80", "[::]:443:443"]\n'],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            ports:
              - target: 8000
                published: 8080
                protocol: tcp
      `,
      name: 'long syntax without host_ip',
      errors: [{ messageId: 'allInterfaces', line: 5, column: 9, endLine: 7, endColumn: 22 }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            ports:
              - target: 8000
                published: 8080
                protocol: tcp
                host_ip: 127.0.0.1
      `],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            ports:
              - target: 8000
                host_ip: 0.0.0.0
      `,
      name: 'long syntax with 0.0.0.0',
      errors: [{ messageId: 'allInterfaces', line: 5, message: "Service 'web' publishes container port 8000 on a random host port on all host interfaces." }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            ports:
              - target: 8000
                host_ip: "127.0.0.1"
      `],
    },
  ],
});
