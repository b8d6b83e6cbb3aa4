import { defineRule } from '../engine/rule';
import { copyArgs, isUrl } from '../model/dockerfile/copy-sources';

export default defineRule({
  id: 'DF005',
  name: 'add-remote-url',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Verify remote ADD sources with --checksum',
  fix: 'none',
  anchors: {
    checkov: ['CKV_DOCKER_4'],
    kics: ['4b410d24-1cbe-4430-a632-62c9a931cf1c'],
    dockle: ['CIS-DI-0009'],
  },
  messages: {
    url: (url: string) => `ADD downloads '${url}' without --checksum, so the content is not verified.`,
  },
  docs: {
    summary: 'ADD fetches a file over HTTP(S) without `--checksum=sha256:…`, so nothing checks that the download is the file you reviewed.',
    rationale: 'A remote URL can change content at any time (a new release, a compromised server, a proxy). KICS flags every remote ADD and suggests curl or wget instead; a download in RUN is no better unless it is verified. BuildKit\'s `ADD --checksum` pins the content and fails the build on mismatch, so we accept remote ADD with a checksum and git sources (which are pinned by ref).',
    remediation: 'Add `--checksum=sha256:<digest>` to the ADD, or download in RUN and verify with `sha256sum -c`.',
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum', 'https://cwe.mitre.org/data/definitions/494.html'],
    examples: {
      bad: ['FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n'],
      good: ['FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n'],
    },
  },
  hooks: {
    onInstruction: {
      ADD(i, ctx) {
        if (i.flags.some((f) => f.name.toLowerCase() === 'checksum' && f.value)) return;
        for (const s of copyArgs(ctx.model, i).sources) {
          if (isUrl(s.value) && /^(https?|ftp):/i.test(s.value) && !/\.git(#|$)/.test(s.value)) ctx.report({ at: s.range, messageId: 'url', args: [s.value] });
        }
      },
    },
  },
});
