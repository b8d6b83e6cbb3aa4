import rule from '../../../rules/src/compose/bind-mount-writable';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        web:
          image: nginx:1.27
          volumes:
            - ./site:/usr/share/nginx/html:ro
            - type: bind
              source: ./conf
              target: /etc/nginx/conf.d
              read_only: true
            - cache:/var/cache/nginx
            - /etc:/host-etc
    `,
  ],
  invalid: [
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            volumes:
              - ./site:/usr/share/nginx/html:z
      `,
      errors: [{ messageId: 'writable', line: 5, column: 9, endColumn: 39, message: "Service 'web' can write to the host directory './site'." }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            volumes:
              - ./site:/usr/share/nginx/html:ro,z
      `],
    },
    {
      code: dedent`
        services:
          web:
            image: nginx:1.27
            volumes:
              - type: bind
                source: ~/conf
                target: /etc/nginx/conf.d
                read_only: false
      `,
      name: 'long syntax with read_only: false',
      errors: [{ messageId: 'writable', line: 5 }],
      suggestions: [dedent`
        services:
          web:
            image: nginx:1.27
            volumes:
              - type: bind
                source: ~/conf
                target: /etc/nginx/conf.d
                read_only: true
      `],
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: ./site, target: /srv}\n',
      name: 'flow map',
      errors: [{ messageId: 'writable', line: 5, column: 9, endColumn: 51 }],
      suggestions: ['services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - {type: bind, source: ./site, target: /srv, read_only: true}\n'],
    },
  ],
});
