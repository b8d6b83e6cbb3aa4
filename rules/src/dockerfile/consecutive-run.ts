import { defineRule } from '../engine/rule';
import type { DockerfileModel, Instruction } from '../model/dockerfile/parse';
import { scriptOf } from '../model/dockerfile/shell';
import { copyArgs } from '../model/dockerfile/copy-sources';
import { isShipped } from '../model/dockerfile/stages';

function flagsText(i: Instruction): string {
  return i.flags.map((f) => `${f.name}=${f.value ?? ''}`).sort().join(' ');
}

/** A key two neighbouring instructions share when they could be one; undefined when not mergeable. */
function mergeKey(model: DockerfileModel, i: Instruction): string | undefined {
  if (i.onbuild || i.heredocs.length > 0) return undefined;
  if (i.keyword === 'RUN') {
    const top = scriptOf(model, i).commands.filter((c) => c.depth === 0 && c.wrappers.length === 0);
    return top.length <= 1 ? `RUN ${flagsText(i)}` : undefined;
  }
  if (i.keyword === 'COPY' || i.keyword === 'ADD') {
    const dest = copyArgs(model, i).dest?.value;
    return dest ? `${i.keyword} ${flagsText(i)} ${dest.replace(/\/+$/, '')}` : undefined;
  }
  return undefined;
}

export default defineRule({
  id: 'DF089',
  name: 'consecutive-run',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Merge consecutive single-command RUN (or same-destination COPY) instructions',
  fix: 'none',
  anchors: { hadolint: ['DL3059'], kics: ['0008c003-79aa-42d8-95b8-1c2fe37dbfe6'] },
  messages: {
    consecutive: (kw: string, n: number) => `This ${kw} starts ${n} consecutive ${kw} instructions that could be one layer.`,
  },
  docs: {
    summary: 'Several consecutive RUN instructions each run a single command with the same flags, or several COPY/ADD instructions copy to the same directory, in a stage whose layers ship.',
    rationale: 'Each instruction adds a layer; files deleted in a later RUN still occupy the earlier layer, and many tiny layers slow pulls. RUNs that already chain commands are left alone (hadolint does the same), and build stages that are only copied from are not reported.',
    remediation: 'Join the commands with `&&` (and `\\` line continuations) in one RUN, or list the sources in one COPY.',
    references: ['https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers'],
    examples: { bad: ['FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n'], good: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'] },
  },
  hooks: {
    onEnd(ctx) {
      const list = ctx.model.instructions;
      let k = 0;
      while (k < list.length) {
        const first = list[k]!;
        const key = isShipped(ctx.model, first) ? mergeKey(ctx.model, first) : undefined;
        let n = 1;
        while (key && list[k + n] && list[k + n]!.stageIndex === first.stageIndex && mergeKey(ctx.model, list[k + n]!) === key) n++;
        if (key && n >= 2) ctx.report({ at: first.keywordRange, messageId: 'consecutive', args: [first.keyword, n] });
        k += n;
      }
    },
  },
});
