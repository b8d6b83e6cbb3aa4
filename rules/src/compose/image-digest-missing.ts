import { defineRule } from '../engine/rule';
import { locate } from '../model/compose/services';
import { pulledImage } from '../model/compose/images';

export default defineRule({
  id: 'DC036',
  name: 'image-digest-missing',
  target: 'compose',
  category: 'supply-chain',
  severity: 'info',
  defaultOff: true,
  title: 'Pin service images by digest',
  fix: 'none',
  anchors: {},
  messages: {
    noDigest: (service: string, image: string) => `Service '${service}' pulls '${image}' by tag only; the tag can be moved to different content.`,
  },
  docs: {
    summary: 'A service image has no `@sha256:` digest. Off by default: digest pinning needs tooling to keep pins up to date. Services that also have `build` are skipped.',
    rationale: 'Tags are mutable: whoever controls the repository (or compromises it) can push new content under an existing version tag. A digest identifies exactly one image, so the same Compose file always runs the same bits.',
    remediation: 'Append the digest of the tested image (`image: postgres:16.4@sha256:<digest>`) and let an update bot refresh it.',
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:16.4\n'],
      good: ['services:\n  db:\n    image: postgres:16.4@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const image = pulledImage(s);
      if (!image || image.ref.digest !== undefined) return;
      const { field, raw } = image;
      ctx.report({ at: locate(ctx.model.file, field, field.value), messageId: 'noDigest', args: [s.name, raw] });
    },
  },
});
