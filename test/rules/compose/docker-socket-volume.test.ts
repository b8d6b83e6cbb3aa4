import rule from '../../../rules/src/compose/docker-socket-volume';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    dedent`
      services:
        proxy:
          image: traefik:v3.1
          volumes:
            - ./traefik.yml:/etc/traefik/traefik.yml:ro
            - certs:/certs
    `,
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - docker.sock:/var/run/docker.sock
        volumes:
          docker.sock: {}
      `, name: 'a named volume called docker.sock is not the host socket' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - /var/run/docker.sock
      `, name: 'anonymous volume at that container path' },
    { code: dedent`
        services:
          app:
            image: alpine:3.20
            volumes:
              - /var/run/app:/var/run/app
      `, name: 'a subdirectory of /var/run' },
  ],
  invalid: [
    {
      code: dedent`
        services:
          proxy:
            image: traefik:v3.1
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock:ro
      `,
      name: 'short syntax, read-only is still flagged',
      errors: [{ messageId: 'socket', line: 5, column: 9, endColumn: 53, message: "Service 'proxy' mounts the container runtime socket '/var/run/docker.sock'; whoever controls it controls the host." }],
    },
    {
      code: dedent`
        services:
          agent:
            image: portainer/agent:2.21.0
            volumes:
              - type: bind
                source: /run/docker.sock
                target: /var/run/docker.sock
                read_only: true
      `,
      name: 'long syntax, /run',
      errors: [{ messageId: 'socket', line: 5, column: 9, endLine: 8, endColumn: 24 }],
    },
    {
      code: dedent`
        services:
          a:
            image: alpine:3.20
            volumes: ["\${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock", "//var/run//docker.sock:/s"]
          b:
            image: alpine:3.20
            volumes:
              - /run/user/1000/docker.sock:/var/run/docker.sock
              - /run/containerd/containerd.sock:/run/containerd/containerd.sock
              - /var/run:/host/var/run
      `,
      name: 'interpolation default, odd slashes, rootless, containerd, parent directory',
      errors: [
        { messageId: 'socket', line: 4, column: 15, endColumn: 74 },
        { messageId: 'socket', line: 4, column: 76, endColumn: 103 },
        { messageId: 'socket', line: 8, column: 9 },
        { messageId: 'socket', line: 9, column: 9 },
        { messageId: 'directory', line: 10, column: 9, message: "Service 'b' mounts '/var/run', which holds the container runtime socket." },
      ],
    },
    {
      code: dedent`
        services:
          win:
            image: mcr.microsoft.com/windows/servercore:ltsc2022
            volumes:
              - type: npipe
                source: \\\\.\\pipe\\docker_engine
                target: \\\\.\\pipe\\docker_engine
      `,
      name: 'Windows named pipe',
      errors: [{ messageId: 'socket', line: 5 }],
    },
  ],
});
