import { defineRule } from '../engine/rule';
import { isMap, mapPairs, nodeRange, seqItems, stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';

/** The Pod Security Standards "safe" sysctls (baseline profile, Kubernetes 1.32 list). */
const SAFE = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
]);

export default defineRule({
  id: 'DC033',
  name: 'sysctls',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  title: 'Set only safe kernel parameters',
  fix: 'none',
  anchors: {
    pss: ['baseline:sysctls'],
  },
  messages: {
    unsafe: (service: string, name: string) => `Service '${service}' sets the kernel parameter ${name}, which is not on the safe list.`,
  },
  docs: {
    summary: 'A service sets a sysctl that is not on the Pod Security Standards safe list (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_unprivileged_port_start and a few TCP keepalive and buffer settings).',
    rationale: 'Docker only accepts namespaced sysctls, but several of them still change behaviour that matters for security or for neighbours: IP forwarding and routing turn the container into a router, `kernel.msg*`/`kernel.shm*` sizes let it reserve large amounts of kernel memory. The safe list contains the parameters known to affect only the container itself.',
    remediation: 'Remove sysctls the service does not need; keep the others documented and reviewed, and suppress this finding for them.',
    references: ['https://docs.docker.com/reference/compose-file/services/#sysctls', 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls'],
    examples: {
      bad: ['services:\n  vpn:\n    image: example/vpn:1.0\n    sysctls:\n      net.ipv4.ip_forward: 1\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    sysctls:\n      net.ipv4.ip_unprivileged_port_start: 0\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const field = fieldOf(s, 'sysctls');
      if (!field) return;
      const file = ctx.model.file;
      const entries: { name: string; node: unknown }[] = isMap(field.value)
        ? mapPairs(field.value).map((p) => ({ name: stringValue(p.key) ?? '', node: p }))
        : seqItems(field.value).map((i) => ({ name: (stringValue(i) ?? '').split('=')[0] ?? '', node: i }));
      for (const e of entries) {
        const name = e.name.trim();
        if (name === '' || SAFE.has(name)) continue;
        ctx.report({ at: field.inherited ? field.at : nodeRange(file, e.node) ?? locate(file, field, e.node), messageId: 'unsafe', args: [s.name, name] });
      }
    },
  },
});
