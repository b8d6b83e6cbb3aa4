import { defineRule } from '../engine/rule';

export default defineRule({
  id: 'DF034',
  name: 'maintainer-deprecated',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Use a LABEL instead of the deprecated MAINTAINER',
  fix: 'safe',
  anchors: { hadolint: ['DL4000'], checkov: ['CKV_DOCKER_6'], trivy: ['AVD-DS-0022'], kics: ['99614418-f82b-4852-a9ae-5051402b741c'], buildkit: ['MaintainerDeprecated'] },
  messages: {
    maintainer: () => 'MAINTAINER is deprecated; record the author as a label.',
  },
  docs: {
    summary: 'The deprecated MAINTAINER instruction is used.',
    rationale: 'MAINTAINER only sets a legacy image field that tools no longer read; the OCI `org.opencontainers.image.authors` label is where scanners and registries look.',
    remediation: 'Replace it with `LABEL org.opencontainers.image.authors="…"`.',
    references: ['https://docs.docker.com/reference/dockerfile/#maintainer-deprecated'],
    examples: { bad: ['FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n'], good: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\n'] },
  },
  hooks: {
    onInstruction: {
      MAINTAINER(i, ctx) {
        const value = i.argsText.trim().replace(/^"(.*)"$/, '$1');
        const fix = i.onbuild || !i.argsRange ? undefined : { title: 'Replace with LABEL org.opencontainers.image.authors', edits: [{ range: { start: i.keywordRange.start, end: i.argsRange.end }, newText: `LABEL org.opencontainers.image.authors=${JSON.stringify(value)}` }] };
        ctx.report({ at: i.keywordRange, messageId: 'maintainer', args: [], ...(fix ? { fix } : {}) });
      },
    },
  },
});
