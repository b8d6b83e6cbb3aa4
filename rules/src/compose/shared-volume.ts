import { defineRule } from '../engine/rule';
import { classifyHostPath } from '../model/compose/host-paths';
import { normalizeHostPath } from '../model/compose/interpolation';
import type { VolumeMount } from '../model/compose/volumes';

/** Identity of what a mount shares: a named volume or a host path; undefined for private mounts. */
function shareKey(v: VolumeMount): string | undefined {
  if (v.source === undefined) return undefined;
  if (v.type === 'volume') return `volume:${v.source}`;
  if (v.type === 'bind' && classifyHostPath(v.source) === undefined) return `bind:${normalizeHostPath(v.source)}`;
  return undefined;
}

export default defineRule({
  id: 'DC016',
  name: 'shared-volume',
  target: 'compose',
  category: 'isolation',
  severity: 'info',
  defaultOff: true,
  title: 'Let only one service write to a shared volume',
  fix: 'none',
  anchors: {
    kics: ['8c978947-0ff6-485c-b0c2-0bfca6026466'],
  },
  messages: {
    shared: (service: string, source: string, others: string) => `Service '${service}' can write to '${source}', which ${others} can write to as well.`,
  },
  docs: {
    summary: 'The same named volume or host directory is mounted writable by more than one service. Off by default: sharing a volume is often intended.',
    rationale: 'A shared writable volume is a channel between services: a compromised service can plant files that another one later executes or parses, and concurrent writers can corrupt data.',
    remediation: 'Give each service its own volume where possible; where data must be shared, let one service write and mount it read-only (`:ro`) everywhere else.',
    references: ['https://docs.docker.com/reference/compose-file/volumes/'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    volumes: [uploads:/data]\n  worker:\n    image: alpine:3.20\n    volumes: [uploads:/in]\nvolumes:\n  uploads: {}\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    volumes: [uploads:/data]\n  worker:\n    image: alpine:3.20\n    volumes: ["uploads:/in:ro"]\nvolumes:\n  uploads: {}\n'],
    },
  },
  hooks: {
    onEnd(ctx) {
      const groups = new Map<string, { service: string; mount: VolumeMount }[]>();
      for (const s of ctx.model.services) {
        for (const v of s.volumes) {
          const key = shareKey(v);
          if (key === undefined) continue;
          groups.set(key, [...(groups.get(key) ?? []), { service: s.name, mount: v }]);
        }
      }
      for (const users of groups.values()) {
        const writers = users.filter((u) => !u.mount.readOnly);
        const services = new Set(writers.map((u) => u.service));
        if (services.size < 2) continue;
        for (const u of writers) {
          const others = [...services].filter((n) => n !== u.service).map((n) => `'${n}'`).join(', ');
          ctx.report({ at: u.mount.at, messageId: 'shared', args: [u.service, u.mount.source ?? '', others] });
        }
      }
    },
  },
});
