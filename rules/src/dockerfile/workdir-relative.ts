import { defineRule } from '../engine/rule';

/** Absolute POSIX or Windows path, or a variable (value unknown here). */
function isAbsolute(raw: string): boolean {
  const v = raw.replace(/^["']|["']$/g, '');
  return v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:[\\/]?/.test(v);
}

export default defineRule({
  id: 'DF022',
  name: 'workdir-relative',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Use an absolute WORKDIR',
  fix: 'suggestion',
  anchors: { hadolint: ['DL3000'], checkov: ['CKV_DOCKER_10'], trivy: ['AVD-DS-0009'], kics: ['6b376af8-cfe8-49ab-a08d-f32de23661a4'], buildkit: ['WorkdirRelativePath'] },
  messages: {
    relative: (dir: string) => `WORKDIR '${dir}' is relative, so it depends on whatever WORKDIR the base image set.`,
  },
  docs: {
    summary: 'WORKDIR is given a relative path.',
    rationale: 'A relative WORKDIR is resolved against the previous WORKDIR, which may come from the base image and change when the base image does; files then land somewhere unexpected.',
    remediation: 'Use an absolute path such as `/app`.',
    references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    examples: { bad: ['FROM alpine:3.20\nWORKDIR app\n'], good: ['FROM alpine:3.20\nWORKDIR /app\n'] },
  },
  hooks: {
    onInstruction: {
      WORKDIR(i, ctx) {
        const w = i.args[0];
        if (!w || isAbsolute(w.value)) return;
        const quoted = /^["']/.test(w.value);
        const p = quoted ? { line: w.range.start.line, character: w.range.start.character + 1 } : w.range.start;
        ctx.report({ at: w.range, messageId: 'relative', args: [w.value], suggestions: [{ title: 'Make the path absolute (relative to /)', edits: [{ range: { start: p, end: p }, newText: '/' }] }] });
      },
    },
  },
});
