import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { copyArgs } from '../model/dockerfile/copy-sources';

const messages = {
  slash: (kw: string, dest: string) => `${kw} has several sources, so the destination '${dest}' must end with '/'.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  const { sources, dest } = copyArgs(ctx.model, i);
  if (sources.length < 2 || !dest || dest.value.endsWith('/') || dest.value.includes('$')) return;
  const raw = ctx.model.lines.slice(dest.range);
  const quoted = /["']$/.test(raw);
  const at = quoted ? { line: dest.range.end.line, character: dest.range.end.character - 1 } : dest.range.end;
  ctx.report({ at: dest.range, messageId: 'slash', args: [i.keyword, dest.value], ...(i.json ? {} : { fix: { title: 'Append / to the destination', edits: [{ range: { start: at, end: at }, newText: '/' }] } }) });
}

export default defineRule({
  id: 'DF027',
  name: 'copy-multi-src-slash',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'End the destination with / when copying several sources',
  fix: 'safe',
  anchors: { hadolint: ['DL3021'], trivy: ['AVD-DS-0011'], kics: ['6db6e0c2-32a3-4a2e-93b5-72c35f4119db'] },
  messages,
  docs: {
    summary: 'COPY or ADD lists more than one source but the destination does not end with `/`.',
    rationale: 'With several sources the destination must be a directory; the builder rejects the instruction otherwise, or (with a wildcard matching one file) silently copies to a file path.',
    remediation: 'Append `/` to the destination.',
    references: ['https://docs.docker.com/reference/dockerfile/#copy'],
    examples: { bad: ['FROM alpine:3.20\nCOPY a.txt b.txt /app\n'], good: ['FROM alpine:3.20\nCOPY a.txt b.txt /app/\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) { check(i, ctx); },
      ADD(i, ctx) { check(i, ctx); },
    },
  },
});
