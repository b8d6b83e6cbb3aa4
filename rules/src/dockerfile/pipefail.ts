import { defineRule } from '../engine/rule';
import { scriptOf } from '../model/dockerfile/shell';

/** Shells whose `-o pipefail` works (POSIX sh and dash lack it). */
const PIPEFAIL_SHELLS = /(^|[\\/])(bash|zsh|ksh|mksh|ash|busybox)(\.exe)?$/;

export default defineRule({
  id: 'DF036',
  name: 'pipefail',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Set -o pipefail before RUN with a pipe',
  fix: 'suggestion',
  anchors: { hadolint: ['DL4006'], kics: ['efbf148a-67e9-42d2-ac47-02fa1c0d0b22'] },
  messages: {
    pipe: (first: string) => `Only the last command of the pipe decides success: if '${first}' fails, the RUN still succeeds.`,
  },
  docs: {
    summary: 'A RUN contains a pipe but neither the SHELL (bash, zsh, ash … with `-o pipefail`) nor a `set -o pipefail` in the RUN makes failures inside the pipe fail the step.',
    rationale: 'A failed download in `curl … | tar x` or `wget -O- … | sh` produces empty input for the next command, which happily succeeds: the image is built without the files it needs, or runs a truncated script. Plain sh and dash do not support pipefail, so `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` is still reported.',
    remediation: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (ash on Alpine: `["/bin/ash", "-eo", "pipefail", "-c"]`), or start the RUN with `set -o pipefail &&` in a shell that supports it.',
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    examples: {
      bad: ['FROM debian:12\nRUN wget -O - https://example.com/data | wc -l > /count\n'],
      good: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/data | wc -l > /count\n'],
    },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        const s = scriptOf(ctx.model, i);
        if (s.kind !== 'shell' || s.pipelines === 0) return;
        if (s.shell.pipefail && PIPEFAIL_SHELLS.test(s.shell.argv[0] ?? '')) return;
        const piped = s.commands.filter((c) => c.pipeline !== undefined);
        const first = piped[0]!;
        if (s.pipefailSetAt !== undefined && s.pipefailSetAt < first.start) return;
        const last = piped.filter((c) => c.pipeline!.id === first.pipeline!.id).reduce((a, c) => (c.end > a.end ? c : a), first);
        const line = { line: i.range.start.line, character: 0 };
        ctx.report({
          at: ctx.model.lines.range(first.start, last.end),
          messageId: 'pipe',
          args: [first.name],
          ...(i.onbuild ? {} : { suggestions: [{ title: 'Run RUN instructions with bash -o pipefail', edits: [{ range: { start: line, end: line }, newText: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' }] }] }),
        });
      },
    },
  },
});
