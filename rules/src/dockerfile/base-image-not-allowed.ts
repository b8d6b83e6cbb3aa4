import { defineRule } from '../engine/rule';
import { globMatch } from '../engine/severity';
import type { Stage } from '../model/dockerfile/parse';

/** The spellings of a base image a pattern may be written against: as written, and without Docker Hub's implied prefixes. */
function spellings(s: Stage): string[] {
  const text = s.imageText;
  const out = [text];
  for (const prefix of ['docker.io/library/', 'docker.io/', 'index.docker.io/library/', 'index.docker.io/']) {
    if (text.startsWith(prefix)) out.push(text.slice(prefix.length));
  }
  if (s.image && s.image.registry === undefined && !s.image.repository.includes('/')) out.push(`library/${text}`);
  return out;
}

export default defineRule({
  id: 'DF100',
  name: 'base-image-not-allowed',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Build only on approved base images',
  fix: 'none',
  anchors: {},
  messages: {
    notAllowed: (image: string) => `Base image '${image}' is not in the allowed base images.`,
  },
  docs: {
    summary: 'When `allowedBaseImages` is configured, a FROM names an image that matches none of its patterns.',
    rationale: 'Platform teams maintain a short list of hardened, patched base images. A Dockerfile that starts from anything else escapes their patching and scanning. The rule does nothing until `allowedBaseImages` is set in `.bulkhead.yaml` or the `bulkhead.allowedBaseImages` setting; `*` matches any run of characters, and Docker Hub images match with or without `docker.io/library/`.',
    remediation: 'Start from one of the approved base images, or ask for the image to be added to `allowedBaseImages`.',
    references: ['https://docs.docker.com/build/building/best-practices/#from'],
    examples: {
      bad: ['# configured with allowedBaseImages: ["gcr.io/distroless/*", "alpine:3.*"]\nFROM ubuntu:24.04\n'],
      good: ['# configured with allowedBaseImages: ["gcr.io/distroless/*", "alpine:3.*"]\nFROM alpine:3.20\n'],
    },
  },
  hooks: {
    onStage(s, ctx) {
      const allowed = ctx.policy.allowedBaseImages;
      if (allowed.length === 0 || !s.image) return;
      const names = spellings(s);
      if (allowed.some((p) => names.some((n) => globMatch(p, n)))) return;
      ctx.report({ at: s.imageRange ?? s.from.range, messageId: 'notAllowed', args: [s.imageText] });
    },
  },
});
