import { defineRule } from '../engine/rule';
import { copyArgs, isArchive, isUrl } from '../model/dockerfile/copy-sources';

/** ADD flags COPY also understands; others (e.g. --checksum, --keep-git-dir, --unpack) block the fix. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

export default defineRule({
  id: 'DF004',
  name: 'add-instead-of-copy',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Use COPY instead of ADD for local files',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3020'],
    checkov: ['CKV_DOCKER_4'],
    trivy: ['AVD-DS-0005'],
    kics: ['9513a694-aa0d-41d8-be61-3271e056f36b'],
    dockle: ['CIS-DI-0009'],
  },
  messages: {
    add: (src: string) => `ADD copies the local file '${src}'; use COPY, which does not unpack archives or fetch URLs.`,
  },
  docs: {
    summary: 'ADD is used for local files or directories that are not archives, where COPY does the same thing with fewer surprises.',
    rationale: 'ADD silently unpacks local tar archives and can fetch remote URLs, so what lands in the image depends on the file\'s content, not just its name. Anchors disagree on archives and URLs: Checkov and Dockle flag every ADD, hadolint and Trivy exempt archives and URLs. We follow hadolint and Trivy: unpacking a local archive is a legitimate use of ADD, and remote URLs are judged by `add-remote-url`, which asks for a checksum instead.',
    remediation: 'Replace ADD with COPY for local files and directories.',
    references: ['https://docs.docker.com/reference/dockerfile/#add', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    examples: { bad: ['FROM alpine:3.20\nADD app.py /app/\n'], good: ['FROM alpine:3.20\nCOPY app.py /app/\n', 'FROM alpine:3.20\nADD rootfs.tar.gz /\n'] },
  },
  hooks: {
    onInstruction: {
      ADD(i, ctx) {
        const { sources } = copyArgs(ctx.model, i);
        if (sources.length === 0 || sources.some((s) => isUrl(s.value) || isArchive(s.value))) return;
        // A variable source might name an archive: still reported, but not rewritten automatically.
        const canFix = i.flags.every((f) => COPY_FLAGS.has(f.name.toLowerCase())) && !sources.some((s) => s.value.includes('$'));
        const kw = i.keywordRange;
        const newText = ctx.text.slice(ctx.model.lines.offsetAt(kw.start), ctx.model.lines.offsetAt(kw.end)) === 'add' ? 'copy' : 'COPY';
        ctx.report({
          at: kw,
          messageId: 'add',
          args: [sources[0]!.value],
          ...(canFix ? { fix: { title: 'Replace ADD with COPY', edits: [{ range: kw, newText }] } } : {}),
        });
      },
    },
  },
});
