import { defineRule } from '../engine/rule';
import { mapGet, seqItems, stringValue } from '../model/yaml/documents';
import { fieldOf, locate } from '../model/compose/services';

export default defineRule({
  id: 'DC032',
  name: 'devices',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Review host devices mapped into services',
  fix: 'none',
  anchors: {},
  messages: {
    device: (service: string, device: string) => `Service '${service}' gets direct access to the host device '${device}'.`,
    cgroupRule: (service: string, rule: string) => `Service '${service}' is allowed device access by the cgroup rule '${rule}'.`,
  },
  docs: {
    summary: 'A service maps host device paths with `devices`, or widens device access with `device_cgroup_rules`. CDI device names such as `nvidia.com/gpu=all` are not reported.',
    rationale: 'A device node talks straight to a kernel driver: raw disks (/dev/sda) give access to every file on the host, /dev/mem and /dev/kmsg to kernel memory and logs, and driver bugs become container escapes. A cgroup rule such as `a *:* rwm` allows every device that appears in the container.',
    remediation: 'Map only the specific device the service needs (a GPU, a serial port), with the narrowest permissions (`:r` when reading is enough), and avoid wildcard `device_cgroup_rules`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#devices', 'https://docs.docker.com/reference/compose-file/services/#device_cgroup_rules', 'CIS Docker Benchmark 5.17'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    devices:\n      - /dev/sda:/dev/sda\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const file = ctx.model.file;
      const devices = fieldOf(s, 'devices');
      if (devices) {
        for (const item of seqItems(devices.value)) {
          const raw = stringValue(item) ?? stringValue(mapGet(item, 'source'));
          // CDI names (vendor.com/class=name) are the supported way to expose GPUs; only device paths are reported.
          if (raw !== undefined && raw.trim().startsWith('/')) ctx.report({ at: locate(file, devices, item), messageId: 'device', args: [s.name, raw.split(':')[0] ?? raw] });
        }
      }
      const rules = fieldOf(s, 'device_cgroup_rules');
      if (rules) {
        for (const item of seqItems(rules.value)) {
          const raw = stringValue(item);
          if (raw !== undefined) ctx.report({ at: locate(file, rules, item), messageId: 'cgroupRule', args: [s.name, raw] });
        }
      }
    },
  },
});
