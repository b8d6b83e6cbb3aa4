import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DC024',
  name: 'privileged-host-port',
  target: 'compose',
  category: 'network',
  severity: 'info',
  title: 'Publish services on host ports above 1023',
  fix: 'none',
  anchors: {
    kics: ['bc2908f3-f73c-40a9-8793-c1b7d5544f79'],
  },
  messages: {
    privileged: (service: string, port: string) => `Service '${service}' publishes the privileged host port ${port}.`,
  },
  docs: {
    summary: 'A service publishes a host port below 1024, whatever its capabilities. Only the host side counts: a container listening on port 80 behind host port 8080 is fine, and since Docker 20.10 binding a low port inside the container needs no privilege at all (KICS also flags container-side ports below 1024 and accepts any low port once NET_BIND_SERVICE is dropped; Bulkhead deliberately does neither).',
    rationale: 'Ports below 1024 are privileged on the host: other software expects them to be owned by system services such as SSH, DNS or a web server. Publishing one from a container can shadow or impersonate such a service and usually means the container is exposed more widely than intended.',
    remediation: 'Publish on a port of 1024 or above, and put a reverse proxy or load balancer in front when the service must answer on 80 or 443.',
    references: ['https://docs.docker.com/reference/compose-file/services/#ports', 'CIS Docker Benchmark 5.7'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      for (const p of s.ports) {
        const h = p.hostPorts;
        if (p.interpolated || !h || h.start >= 1024 || h.end < 1) continue;
        ctx.report({ at: p.at, messageId: 'privileged', args: [s.name, h.start === h.end ? String(h.start) : `range ${h.start}-${h.end}`] });
      }
    },
  },
});
