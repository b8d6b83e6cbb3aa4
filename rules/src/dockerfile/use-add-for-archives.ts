import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { copyArgs, isArchive } from '../model/dockerfile/copy-sources';
import { fromFlag } from '../model/dockerfile/stages';

function baseName(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? p;
}

export default defineRule({
  id: 'DF092',
  name: 'use-add-for-archives',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Let ADD extract local archives instead of COPY plus tar',
  fix: 'none',
  defaultOff: true,
  anchors: { hadolint: ['DL3010'] },
  messages: {
    archive: (file: string) => `'${file}' is copied and then extracted with tar; ADD extracts it in one layer.`,
  },
  docs: {
    summary: 'A local archive is copied with COPY and later extracted with `tar -x` in the same stage.',
    rationale: 'The archive stays in the COPY layer although only its content is needed, doubling the space. This conflicts with the general advice to prefer COPY (add-instead-of-copy), so it is off by default; hadolint reports it at info level.',
    remediation: 'Use `ADD <archive> <dir>` to copy and extract in one step, or extract in a build stage.',
    references: ['https://docs.docker.com/reference/dockerfile/#add'],
    examples: { bad: ['FROM debian:12\nCOPY app.tar /opt/\nRUN tar -xf /opt/app.tar -C /opt\n'], good: ['FROM debian:12\nADD app.tar /opt/\n'] },
  },
  hooks: {
    onEnd(ctx) {
      const all = ctx.model.instructions;
      for (const i of all) {
        const runs = all.filter((r) => r.keyword === 'RUN' && r.stageIndex === i.stageIndex);
        if (i.keyword !== 'COPY' || fromFlag(i)) continue;
        const { sources, dest } = copyArgs(ctx.model, i);
        for (const src of sources) {
          if (!isArchive(src.value)) continue;
          const names = new Set([baseName(src.value), baseName(dest?.value ?? '')]);
          const extracted = runs.some((r) => r.index > i.index && commandsOf(ctx.model, r).some((c) => c.name === 'tar' && c.args.some((a) => /^-?[a-zA-Z]*x/.test(a.value)) && c.args.some((a) => names.has(baseName(a.value)))));
          if (extracted) ctx.report({ at: src.range, messageId: 'archive', args: [src.value] });
        }
      }
    },
  },
});
