import { defineRule } from '../engine/rule';
import type { Stage } from '../model/dockerfile/parse';
import { copyArgs } from '../model/dockerfile/copy-sources';

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('$') || /^[A-Za-z]:/.test(p);
}

/** True when a WORKDIR is set before `index` in the stage or in a stage it is built FROM. */
function workdirSet(stage: Stage | undefined, index: number, onbuild: boolean): boolean {
  const seen = new Set<number>();
  let s = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    if (s.instructions.some((x) => x.keyword === 'WORKDIR' && x.index < index && x.onbuild === onbuild)) return true;
    s = s.fromStage;
  }
  return false;
}

export default defineRule({
  id: 'DF084',
  name: 'copy-relative-no-workdir',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Set WORKDIR before copying to a relative path',
  fix: 'none',
  anchors: { hadolint: ['DL3045'] },
  messages: {
    relative: (dest: string) => `COPY to the relative path '${dest}' depends on the base image's WORKDIR.`,
  },
  docs: {
    summary: 'COPY targets a relative destination, but no WORKDIR is set in the stage (or the stages it is built FROM).',
    rationale: 'A relative destination is resolved against the current WORKDIR, which then comes from the base image and changes when the base image does; files end up in / or somewhere unexpected.',
    remediation: 'Set `WORKDIR /app` first, or copy to an absolute path.',
    references: ['https://docs.docker.com/reference/dockerfile/#copy'],
    examples: { bad: ['FROM node:22\nCOPY package.json ./\n'], good: ['FROM node:22\nWORKDIR /app\nCOPY package.json ./\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) {
        const { dest } = copyArgs(ctx.model, i);
        if (!dest || isAbsolute(dest.value) || workdirSet(ctx.model.stages[i.stageIndex], i.index, i.onbuild)) return;
        ctx.report({ at: dest.range, messageId: 'relative', args: [dest.value] });
      },
    },
  },
});
