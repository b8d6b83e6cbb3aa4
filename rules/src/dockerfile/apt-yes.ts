import { defineRule } from '../engine/rule';
import type { ShellCommand } from '../model/dockerfile/shell';
import { hasFlag, insertAfter, positionals } from '../model/dockerfile/shell-query';
import { APT_GET, installsOf } from '../model/dockerfile/packages';

/** `-y`, or quiet level 2 (`-qq`, `-q -q`, `-q=2`), which implies it. */
function assumesYes(c: ShellCommand): boolean {
  if (hasFlag(c, '-y', '--yes', '--assume-yes')) return true;
  const q = c.args.filter((a) => a.value === '-q' || a.value === '--quiet').length;
  return q >= 2 || c.args.some((a) => /^-q{2,}$/.test(a.value) || a.value === '-q=2' || a.value === '--quiet=2');
}

export default defineRule({
  id: 'DF009',
  name: 'apt-yes',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Pass -y to apt-get install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3014'],
    trivy: ['AVD-DS-0021'],
    kics: ['77783205-c4ca-4f80-bb80-c777f267c547'],
  },
  messages: {
    noYes: () => 'apt-get install without -y waits for a confirmation that never comes in a build.',
  },
  docs: {
    summary: '`apt-get install` runs without `-y` (or an equivalent such as `--assume-yes` or `-qq`).',
    rationale: 'Without a terminal the confirmation prompt aborts the install, so the build fails or, worse, a later step runs without the packages it expects.',
    remediation: 'Add `-y` to every `apt-get install`.',
    references: ['https://manpages.debian.org/bookworm/apt/apt-get.8.en.html'],
    examples: { bad: ['FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n'], good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of installsOf(ctx.model, i, APT_GET)) {
          if (assumesYes(c)) continue;
          const sub = positionals(c, APT_GET.valueOpts)[0]!;
          ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, sub.end), messageId: 'noYes', args: [], ...(sub.exact ? { fix: { title: 'Add -y', edits: [insertAfter(ctx.model, sub, '-y')] } } : {}) });
        }
      },
    },
  },
});
