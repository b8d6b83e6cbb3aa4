import { lazySuggestion, defineRule } from '../engine/rule';
import { nodeRange } from '../model/yaml/documents';
import { classifyHostPath, HARMLESS_READ_ONLY } from '../model/compose/host-paths';
import { normalizeHostPath } from '../model/compose/interpolation';
import { makeMountReadOnly } from '../model/compose/edits';

export default defineRule({
  id: 'DC013',
  name: 'sensitive-host-mount',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Do not mount sensitive host directories',
  fix: 'suggestion',
  anchors: {
    kics: ['1c1325ff-831d-43a1-973e-839ae57dfcc0'],
    pss: ['baseline:hostPathVolumes'],
  },
  messages: {
    writable: (service: string, path: string) => `Service '${service}' mounts the sensitive host path '${path}' writable.`,
    readOnly: (service: string, path: string) => `Service '${service}' mounts the sensitive host path '${path}' (read-only).`,
    namedVolume: (volume: string, path: string) => `Volume '${volume}' is backed by the sensitive host path '${path}'.`,
  },
  docs: {
    summary: 'A service bind-mounts a system directory of the host (/, /etc, /proc, /sys, /dev, /boot, /root, /usr, /lib, /bin, /var, /run …), or a named volume is backed by one through `driver_opts`.',
    rationale: 'System directories hold credentials (/etc/shadow, SSH host keys, kubelet and cloud-agent tokens), kernel interfaces (/proc, /sys) and binaries the host executes. Write access lets a compromised container plant cron jobs or replace binaries; even read access leaks secrets. Container runtime sockets are reported by DC003 instead.',
    remediation: 'Mount only the specific file or subdirectory the service needs, read-only (`:ro` or `read_only: true`), or copy the data into a named volume.',
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes', 'https://docs.docker.com/engine/storage/bind-mounts/', 'CIS Docker Benchmark 5.5'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - /etc:/host-etc\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - ./config:/etc/app:ro\n      - /etc/localtime:/etc/localtime:ro\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      for (const v of s.volumes) {
        if (v.type !== 'bind' || v.source === undefined || classifyHostPath(v.source) !== 'sensitive') continue;
        const path = normalizeHostPath(v.source);
        if (v.readOnly && HARMLESS_READ_ONLY.has(path)) continue;
        if (v.readOnly) {
          ctx.report({ at: v.at, messageId: 'readOnly', args: [s.name, path] });
          continue;
        }
        ctx.report({ at: v.at, messageId: 'writable', args: [s.name, path], fixes: lazySuggestion('Mount it read-only', () => makeMountReadOnly(ctx.model.file, v)) });
      }
    },
    onEnd(ctx) {
      for (const vol of ctx.model.volumes) {
        if (!vol.hostPath || classifyHostPath(vol.hostPath.path) !== 'sensitive') continue;
        ctx.report({ at: nodeRange(ctx.model.file, vol.hostPath.node) ?? vol.keyRange, messageId: 'namedVolume', args: [vol.name, normalizeHostPath(vol.hostPath.path)] });
      }
    },
  },
});
