import { defineRule } from '../engine/rule';
import type { Range } from 'vscode-languageserver-types';
import { isScalar } from '../model/yaml/documents';
import { locate } from '../model/compose/services';
import { pulledImage } from '../model/compose/images';

export default defineRule({
  id: 'DC035',
  name: 'image-latest',
  target: 'compose',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin service images to a version',
  fix: 'none',
  anchors: {},
  messages: {
    latest: (service: string, image: string) => `Service '${service}' uses the moving tag 'latest' (${image}).`,
    untagged: (service: string, image: string) => `Service '${service}' uses '${image}' without a tag, so 'latest' is implied.`,
  },
  docs: {
    summary: 'A service pulls an image with the `latest` tag or with no tag at all (and no digest). Services that also have `build` are skipped: there `image` names the image being built.',
    rationale: '`latest` points at whatever was pushed last, so two runs of the same Compose file can start different software: an unreviewed major upgrade, or a compromised image pushed under the tag. It also makes rollbacks and incident analysis guesswork.',
    remediation: 'Pin a specific version tag (`postgres:16.4`) and, for stronger guarantees, its digest (`postgres:16.4@sha256:…`); update pins deliberately, for example with Renovate or Dependabot.',
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:latest\n', 'services:\n  db:\n    image: postgres\n'],
      good: ['services:\n  db:\n    image: postgres:16.4\n', 'services:\n  app:\n    build: .\n    image: example/app\n'],
    },
  },
  hooks: {
    onService(s, ctx) {
      const image = pulledImage(s);
      if (!image || image.ref.digest !== undefined) return;
      const { field, raw, ref } = image;
      if (ref.tag === undefined) {
        ctx.report({ at: locate(ctx.model.file, field, field.value), messageId: 'untagged', args: [s.name, raw] });
        return;
      }
      if (ref.tag !== 'latest') return;
      let at: Range = locate(ctx.model.file, field, field.value);
      // Point at the tag itself when the scalar is written as-is (plain or quoted without escapes).
      const start = isScalar(field.value) && !field.inherited ? (field.value.range?.[0] ?? -1) : -1;
      const quote = isScalar(field.value) && field.value.type !== 'PLAIN' ? 1 : 0;
      if (start >= 0 && ref.tagOffset !== undefined && ctx.model.file.text.slice(start + quote, start + quote + raw.length) === raw) {
        const from = start + quote + raw.indexOf(raw.trim()) + ref.tagOffset;
        at = ctx.model.file.lines.range(from, from + ref.tag.length);
      }
      ctx.report({ at, messageId: 'latest', args: [s.name, raw] });
    },
  },
});
