import rule from '../../../rules/src/compose/sensitive-host-mount';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        app:
          image: alpine:3.20
          volumes:
            - ./config:/etc/app:ro
            - data:/var/lib/app
            - /var/lib/app-cache
            - /etc/localtime:/etc/localtime:ro
            - /usr/share/zoneinfo:/usr/share/zoneinfo:ro
            - /etc/ssl/certs/:/etc/ssl/certs:ro
            - /etcetera:/x
            - /home/user/project:/src
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
      `, name: 'runtime socket is DC003' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
        volumes:
          data:
            driver_opts:
              type: none
              o: bind
              device: ./data
      `, name: 'named volume backed by a relative path' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - /etc:/host/etc
              - "/proc:/host/proc:rw,z"
              - /:/rootfs:ro
      `,
      errors: [
        { messageId: 'writable', line: 5, column: 9, endColumn: 23, message: "Service 'app' mounts the sensitive host path '/etc' writable." },
        { messageId: 'writable', line: 6, column: 9, endColumn: 32 },
        { messageId: 'readOnly', line: 7, column: 9, endColumn: 21, message: "Service 'app' mounts the sensitive host path '/' (read-only)." },
      ],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - /etc:/host/etc:ro
              - "/proc:/host/proc:rw,z"
              - /:/rootfs:ro
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - "/proc:/host/proc:rw,z"
      `,
      name: 'rw mode is replaced by ro, other flags kept',
      errors: [{ messageId: 'writable', line: 5 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - "/proc:/host/proc:ro,z"
      `],
    },
    {
      code: dedent`
        services:
          yesno:
            image: example/yesno:1.1
            volumes:
              - type: bind
                source: /etc/exercise
                target: /etc/exercise
              - type: volume
                source: yesno
                target: /var/lib/yesno
      `,
      name: 'long syntax gets read_only: true',
      errors: [{ messageId: 'writable', line: 5, column: 9, endLine: 7, endColumn: 30 }],
      suggestions: [dedent`
        services:
          yesno:
            image: example/yesno:1.1
            volumes:
              - type: bind
                source: /etc/exercise
                target: /etc/exercise
                read_only: true
              - type: volume
                source: yesno
                target: /var/lib/yesno
      `],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
        volumes:
          vol:
            driver: local
            driver_opts:
              device: /var/lib/backup/data
              o: bind
          persist:
            driver: local-persist
            driver_opts:
              mountpoint: /var/data
      `,
      name: 'named volumes backed by host paths',
      errors: [
        { messageId: 'namedVolume', line: 8, column: 15, endColumn: 35, message: "Volume 'vol' is backed by the sensitive host path '/var/lib/backup/data'." },
        { messageId: 'namedVolume', line: 13, column: 19, endColumn: 28 },
      ],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [/etc/localtime:/etc/localtime, "/etc/ssl/certs/ca.pem:/ca.pem:ro"]
      `,
      name: 'harmless paths only when read-only and exact',
      errors: [{ messageId: 'writable', line: 4, column: 15, endColumn: 44 }, { messageId: 'readOnly', line: 4, column: 46, endColumn: 80 }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes: [/etc/localtime:/etc/localtime:ro, "/etc/ssl/certs/ca.pem:/ca.pem:ro"]
      `],
    },
    {
      code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes: ["\${HOST_ETC:-/etc}/ssl:/etc/ssl"]
      `,
      name: 'interpolation default, flow list',
      errors: [{ messageId: 'writable', line: 4, message: "Service 'app' mounts the sensitive host path '/etc/ssl' writable." }],
      suggestions: [dedent`
        services:
          app:
            image: alpine:3.20
            volumes: ["\${HOST_ETC:-/etc}/ssl:/etc/ssl:ro"]
      `],
    },
  ],
});
