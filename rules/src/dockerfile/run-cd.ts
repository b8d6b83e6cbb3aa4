import { defineRule } from '../engine/rule';
import { scriptOf } from '../model/dockerfile/shell';

export default defineRule({
  id: 'DF033',
  name: 'run-cd',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Use WORKDIR instead of a trailing cd',
  fix: 'none',
  anchors: { hadolint: ['DL3003'], trivy: ['AVD-DS-0013'], kics: ['f4a6bcd3-e231-4acf-993c-aa027be50d2e'] },
  messages: {
    cd: (dir: string) => `'cd ${dir}' is the last thing this RUN does, and the directory change is lost when the RUN ends.`,
  },
  docs: {
    summary: 'A RUN ends with `cd` (or consists only of it), expecting later instructions to run in that directory.',
    rationale: 'Every RUN starts a new shell in the current WORKDIR, so a `cd` whose effect is not used by a later command in the same RUN does nothing. `cd` followed by commands in the same RUN (`cd /src && make`) is fine and not reported; hadolint and Trivy flag every `cd`, which is noisy on real images.',
    remediation: 'Use `WORKDIR <dir>` to change the directory for later instructions.',
    references: ['https://docs.docker.com/build/building/best-practices/#workdir'],
    examples: { bad: ['FROM alpine:3.20\nRUN cd /app\n'], good: ['FROM alpine:3.20\nWORKDIR /app\n', 'FROM alpine:3.20\nRUN cd /src && make\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        const top = scriptOf(ctx.model, i).commands.filter((c) => c.depth === 0 && c.wrappers.length === 0);
        const last = top.reduce<(typeof top)[number] | undefined>((a, c) => (!a || c.start > a.start ? c : a), undefined);
        if (last?.name === 'cd') ctx.report({ at: last.range, messageId: 'cd', args: [last.args[0]?.value ?? ''] });
      },
    },
  },
});
