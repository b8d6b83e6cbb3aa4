import { defineRule } from '../engine/rule';
import type { ShellCommand } from '../model/dockerfile/shell';
import { hasFlag, insertAfter, positionals } from '../model/dockerfile/shell-query';
import { APT_GET, installsOf } from '../model/dockerfile/packages';

function avoidsRecommends(c: ShellCommand): boolean {
  if (hasFlag(c, '--no-install-recommends')) return true;
  return c.args.some((a, k) => /^APT::Install-Recommends=(false|0|no)$/i.test(a.value) && ['-o', '--option'].includes(c.args[k - 1]?.value ?? ''))
    || c.args.some((a) => /^(-o|--option=)APT::Install-Recommends=(false|0|no)$/i.test(a.value));
}

export default defineRule({
  id: 'DF010',
  name: 'apt-no-recommends',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Pass --no-install-recommends to apt-get install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3015'],
    trivy: ['AVD-DS-0029'],
    kics: ['7384dfb2-fcd1-4fbf-91cd-6c44c318c33c'],
  },
  messages: {
    recommends: () => 'apt-get install also installs recommended packages; add --no-install-recommends.',
  },
  docs: {
    summary: '`apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
    rationale: 'Recommended packages are not needed to run the requested ones; they enlarge the image and its attack surface with software nobody chose or patches deliberately.',
    remediation: 'Add `--no-install-recommends` to `apt-get install` and list what you actually need.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM debian:12\nRUN apt-get install -y curl\n'], good: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of installsOf(ctx.model, i, APT_GET)) {
          if (avoidsRecommends(c)) continue;
          const sub = positionals(c, APT_GET.valueOpts)[0]!;
          ctx.report({ at: ctx.model.lines.range(c.words[0]!.start, sub.end), messageId: 'recommends', args: [], ...(sub.exact ? { fix: { title: 'Add --no-install-recommends', edits: [insertAfter(ctx.model, sub, '--no-install-recommends')] } } : {}) });
        }
      },
    },
  },
});
