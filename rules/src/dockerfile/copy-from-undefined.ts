import { defineRule } from '../engine/rule';
import { fromFlag, stageByRef } from '../model/dockerfile/stages';

/** `--from` values with `:`, `/` or `@` name images, not stages. */
function looksLikeImage(ref: string): boolean {
  return /[:/@]/.test(ref);
}

export default defineRule({
  id: 'DF028',
  name: 'copy-from-undefined',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'COPY --from must name an earlier stage',
  fix: 'none',
  anchors: { hadolint: ['DL3022'] },
  messages: {
    undefined: (ref: string) => `COPY --from=${ref} names no stage defined before this instruction; the builder will try to pull an image called '${ref}'.`,
  },
  docs: {
    summary: '`COPY --from=<name>` refers to a stage alias (or index) that is not defined earlier in the file.',
    rationale: 'An unknown name is treated as an image reference, so a typo silently pulls `docker.io/library/<name>:latest` (or fails), and a stage defined later is not visible yet.',
    remediation: 'Define the stage with `FROM … AS <name>` before the COPY, or use a full image reference with a tag.',
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
    examples: { bad: ['FROM alpine:3.20\nCOPY --from=build /out /app\n'], good: ['FROM golang:1.23 AS build\nRUN go build -o /out .\nFROM alpine:3.20\nCOPY --from=build /out /app\n', 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n'] },
  },
  hooks: {
    onInstruction: {
      COPY(i, ctx) {
        const f = fromFlag(i);
        const ref = f?.value;
        if (!f || !ref || ref.includes('$') || looksLikeImage(ref)) return;
        const current = i.stageIndex < 0 ? 0 : i.stageIndex;
        if (stageByRef(ctx.model, ref, current) || ctx.model.stages[current]?.name === ref.toLowerCase()) return;
        ctx.report({ at: f.valueRange ?? f.range, messageId: 'undefined', args: [ref] });
      },
    },
  },
});
