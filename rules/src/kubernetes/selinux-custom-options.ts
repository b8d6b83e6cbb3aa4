import { defineRule } from '../engine/rule';
import { getIn, nodeRange, pairOf, stringValue, mapGet } from '../model/yaml/documents';
import { objectLabel } from '../model/kubernetes/workloads';
import { securityContextsOf } from '../model/kubernetes/pod';
import { containerYaml } from '../model/kubernetes/examples';

const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineRule({
  id: 'K8S025',
  name: 'selinux-custom-options',
  target: 'kubernetes',
  category: 'isolation',
  severity: 'error',
  title: 'Do not set custom SELinux user, role or type',
  fix: 'none',
  anchors: { pss: ['baseline:seLinuxOptions'], trivy: ['AVD-KSV-0025'], polaris: ['linuxHardening'] },
  messages: {
    type: (where: string, type: string) => `${where} sets SELinux type '${type}'.`,
    userRole: (where: string, field: string) => `${where} sets seLinuxOptions.${field}.`,
  },
  docs: {
    summary: 'A securityContext sets `seLinuxOptions.user` or `.role`, or a `.type` other than container_t, container_init_t, container_kvm_t or container_engine_t.',
    rationale: 'Custom SELinux labels can give a container a domain with far more access than the confined container types (for example spc_t, an unconfined "super privileged container"). The baseline Pod Security Standard allows only the listed container types and no custom user or role (container_engine_t since 1.31). Setting `level` (MCS categories) stays allowed.',
    remediation: 'Remove `seLinuxOptions.user` and `.role`, and use one of the allowed types or none.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    examples: {
      bad: [containerYaml('securityContext:\n  seLinuxOptions:\n    type: spc_t\n')],
      good: [containerYaml('securityContext:\n  seLinuxOptions:\n    level: "s0:c123,c456"\n')],
    },
  },
  hooks: {
    onWorkload(w, ctx) {
      const file = w.object.file;
      for (const sc of securityContextsOf(w)) {
        const opts = mapGet(sc.node, 'seLinuxOptions');
        if (opts === undefined) continue;
        const where = sc.container ? `Container '${sc.container.name ?? '(unnamed)'}'` : objectLabel(w.object);
        const typeNode = getIn(opts, ['type']);
        const type = stringValue(typeNode);
        if (type !== undefined && !ALLOWED_TYPES.has(type)) ctx.report({ at: nodeRange(file, typeNode) ?? w.range, messageId: 'type', args: [where, type] });
        for (const field of ['user', 'role']) {
          const v = stringValue(mapGet(opts, field));
          if (v !== undefined && v !== '') ctx.report({ at: nodeRange(file, pairOf(opts, field)) ?? w.range, messageId: 'userRole', args: [where, field] });
        }
      }
    },
  },
});
