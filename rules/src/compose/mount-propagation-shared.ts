import { lazySuggestion, defineRule } from '../engine/rule';
import { isMap, nodeRange, pairOf } from '../model/yaml/documents';
import { deleteItem } from '../model/compose/edits';

const SHARING = new Set(['shared', 'rshared', 'slave', 'rslave']);

export default defineRule({
  id: 'DC015',
  name: 'mount-propagation-shared',
  target: 'compose',
  category: 'isolation',
  severity: 'warning',
  title: 'Keep bind mounts private (no shared or slave propagation)',
  fix: 'suggestion',
  anchors: {
    kics: ['baa452f0-1f21-4a25-ace5-844e7a5f410d'],
  },
  messages: {
    propagation: (service: string, mode: string) => `Service '${service}' uses '${mode}' mount propagation, so mounts cross between host and container.`,
  },
  docs: {
    summary: 'A long-syntax bind mount sets `bind.propagation` to `shared`, `rshared`, `slave` or `rslave`.',
    rationale: 'With shared propagation, mounts the container creates under that path appear on the host (and in other containers), and host mounts appear in the container. A compromised container can use this to mount filesystems into places the host trusts. The default, `rprivate`, keeps them apart.',
    remediation: 'Remove `bind.propagation` (or set `rprivate`) unless the service is a storage or volume plugin that must publish mounts to the host.',
    references: ['https://docs.docker.com/reference/compose-file/services/#volumes', 'https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation', 'CIS Docker Benchmark 5.19'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n        bind:\n          propagation: rshared\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    volumes:\n      - type: bind\n        source: ./data\n        target: /data\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const file = ctx.model.file;
      for (const v of s.volumes) {
        const p = v.propagation;
        if (!p || !SHARING.has(p.value.trim().toLowerCase())) continue;
        const bind = p.bindNode;
        const onlyKey = isMap(bind) && bind.items.length === 1;
        const at = v.inherited ? v.at : nodeRange(file, p.node) ?? v.at;
        ctx.report({ at, messageId: 'propagation', args: [s.name, p.value], fixes: lazySuggestion('Remove bind.propagation', () => v.inherited ? undefined : onlyKey ? deleteItem(file, v.node, pairOf(v.node, 'bind')) : deleteItem(file, bind, pairOf(bind, 'propagation'))) });
      }
    },
  },
});
