import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { hasFlag, insertAfter } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF058',
  name: 'wget-progress',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Use wget --progress=dot:giga (or -q) in builds',
  fix: 'safe',
  anchors: { hadolint: ['DL3047'] },
  messages: {
    progress: () => 'wget without --progress (or -q/-nv) writes a progress bar line per chunk into the build log.',
  },
  docs: {
    summary: 'wget runs without `--progress`, `-q`, `-nv` or an output log file.',
    rationale: 'Without a terminal wget falls back to dot progress with one line per few kilobytes; a large download floods the build log with thousands of lines and hides real errors.',
    remediation: 'Add `--progress=dot:giga`, or `-q`/`-nv`.',
    references: ['https://www.gnu.org/software/wget/manual/wget.html#Download-Options'],
    examples: { bad: ['FROM debian:12\nRUN wget https://example.com/big.tar.gz\n'], good: ['FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'wget' || hasFlag(c, '--progress', '-q', '--quiet', '-nv', '--no-verbose', '-o', '--output-file', '-a', '--append-output')) continue;
          const w = c.words[0]!;
          ctx.report({ at: w.range, messageId: 'progress', args: [], ...(w.exact ? { fix: { title: 'Add --progress=dot:giga', edits: [insertAfter(ctx.model, w, '--progress=dot:giga')] } } : {}) });
        }
      },
    },
  },
});
