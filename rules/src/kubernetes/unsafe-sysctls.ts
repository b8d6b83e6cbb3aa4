import { defineRule } from '../engine/rule';
import { mapGet, nodeRange, seqItems, stringValue } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { podYaml } from '../model/kubernetes/examples';

/** The PSS baseline allow-list (all versions up to 1.37). */
const SAFE = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem', 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat',
]);

export default defineRule({
  id: 'K8S027',
  name: 'unsafe-sysctls',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Set only safe sysctls',
  fix: 'none',
  anchors: { pss: ['baseline:sysctls'], kubeLinter: ['unsafe-sysctls'], trivy: ['AVD-KSV-0026'], kics: ['9127f0d9-2310-42e7-866f-5fd9d20dcbad'] },
  messages: {
    unsafe: (workload: string, name: string) => `${workload} sets the unsafe sysctl '${name}'.`,
  },
  docs: {
    summary: 'The pod sets a sysctl in `securityContext.sysctls` that is not on the Pod Security Standards safe list.',
    rationale: 'Safe sysctls are namespaced and isolated per pod; any other sysctl can change kernel behaviour for the whole node or other pods. The baseline standard allows only kernel.shm_rmid_forced and a fixed set of net.ipv4 settings (ip_local_port_range, tcp_syncookies, ping_group_range, ip_unprivileged_port_start, ip_local_reserved_ports, the tcp_keepalive_* family, tcp_fin_timeout, tcp_rmem, tcp_wmem, tcp_slow_start_after_idle, tcp_notsent_lowat). kube-linter flags every net.* sysctl, stricter than PSS; we follow the PSS list.',
    remediation: 'Remove the sysctl, or allow it explicitly on the nodes (kubelet --allowed-unsafe-sysctls) and suppress this finding with a reason.',
    references: ['https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [podYaml('securityContext:\n  sysctls:\n    - name: kernel.msgmax\n      value: "65536"\ncontainers:\n  - name: app\n    image: nginx:1.27.2\n')],
      good: [podYaml('securityContext:\n  sysctls:\n    - name: net.ipv4.tcp_syncookies\n      value: "1"\ncontainers:\n  - name: app\n    image: nginx:1.27.2\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      for (const item of seqItems(mapGet(w.podSecurityContext, 'sysctls'))) {
        const nameNode = mapGet(item, 'name');
        const name = stringValue(nameNode);
        if (name === undefined || SAFE.has(name.replaceAll('/', '.'))) continue;
        ctx.report({ at: nodeRange(w.object.file, nameNode) ?? w.range, messageId: 'unsafe', args: [objectLabel(w.object), name] });
      }
    },
  },
});
