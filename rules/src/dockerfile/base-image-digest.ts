import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF081',
  name: 'base-image-digest',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'info',
  title: 'Pin base images by digest',
  fix: 'none',
  defaultOff: true,
  anchors: {},
  messages: {
    digest: (image: string) => `Base image '${image}' is pinned by tag only; the tag can be moved to different content.`,
  },
  docs: {
    summary: 'FROM names a tagged image without an `@sha256:` digest.',
    rationale: 'Tags are mutable: a publisher (or an attacker with push access) can point `3.20` at new content, and rebuilding the same Dockerfile gives a different image. A digest pins the exact bytes. No anchor checks this (they only flag latest/untagged); it is off by default because digests need a bot to keep them current.',
    remediation: 'Append the digest: `FROM alpine:3.20@sha256:<digest>` (and let Dependabot or Renovate update it).',
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://cwe.mitre.org/data/definitions/1357.html'],
    examples: { bad: ['FROM alpine:3.20\n'], good: ['FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n', 'FROM scratch\n'] },
  },
  hooks: {
    onStage(s, ctx) {
      const img = s.image;
      if (img && img.digest === undefined && img.tag !== undefined && img.tag !== 'latest') ctx.report({ at: s.imageRange ?? s.from.range, messageId: 'digest', args: [s.imageText] });
    },
  },
});
