import { defineRule } from '../engine/rule';
import { classifyHostPath } from '../model/compose/host-paths';

export default defineRule({
  id: 'DC003',
  name: 'docker-socket-volume',
  target: 'compose',
  category: 'privilege',
  severity: 'error',
  title: 'Do not mount the Docker socket into a service',
  fix: 'none',
  anchors: {
    kics: ['d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b'],
    pss: ['baseline:hostPathVolumes'],
  },
  messages: {
    socket: (service: string, path: string) => `Service '${service}' mounts the container runtime socket '${path}'; whoever controls it controls the host.`,
    directory: (service: string, path: string) => `Service '${service}' mounts '${path}', which holds the container runtime socket.`,
  },
  docs: {
    summary: 'A service bind-mounts the Docker (or containerd, Podman, CRI-O) API socket, or the directory that holds it.',
    rationale: 'The Docker API is root on the host: any process that can write to the socket can start a privileged container that mounts the host filesystem. Mounting it read-only (`:ro`) does not help, because talking to a socket needs no write permission on the file. A compromise of this service becomes a compromise of the machine and of every other container.',
    remediation: 'Remove the socket mount. If the service really needs the API (reverse proxies, CI runners, monitoring), put a filtering socket proxy in front of it that allows only the calls it needs, or use rootless Docker.',
    references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'https://docs.docker.com/reference/compose-file/services/#volumes', 'CIS Docker Benchmark 5.31'],
    examples: {
      bad: [
        'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
        'services:\n  agent:\n    image: portainer/agent:2.21.0\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n',
      ],
      good: ['services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - ./traefik.yml:/etc/traefik/traefik.yml:ro\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      for (const v of s.volumes) {
        const hostSide = v.type === 'bind' || (v.long && v.type === 'other');
        if (!hostSide || v.source === undefined) continue;
        const kind = classifyHostPath(v.source);
        if (kind === 'socket') ctx.report({ at: v.at, messageId: 'socket', args: [s.name, v.source] });
        else if (kind === 'socket-directory') ctx.report({ at: v.at, messageId: 'directory', args: [s.name, v.source] });
      }
    },
  },
});
