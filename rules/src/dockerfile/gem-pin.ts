import { defineRule } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../model/dockerfile/shell';
import { checkPins } from '../model/dockerfile/pm-checks';
import { GEM } from '../model/dockerfile/packages';
import { hasFlag } from '../model/dockerfile/shell-query';

/**
 * Gem names: positionals after the subcommand, before `--`, skipping values of unknown `--flags`
 * (`--use-system-libraries true`). `-v` pins a single gem; gem refuses it with several gems.
 */
function packagesOf(c: ShellCommand): ShellWord[] {
  const out = gemWords(c);
  return hasFlag(c, '-v', '--version') && out.length <= 1 ? [] : out;
}

function gemWords(c: ShellCommand): ShellWord[] {
  const out: ShellWord[] = [];
  let sawSub = false;
  for (let k = 0; k < c.args.length; k++) {
    const v = c.args[k]!.value;
    if (v === '--') break;
    if (v.startsWith('-')) {
      if (GEM.valueOpts.includes(v) || (v.startsWith('--') && !v.includes('=') && /^(true|false|\d+)$/.test(c.args[k + 1]?.value ?? ''))) k++;
      continue;
    }
    if (sawSub) out.push(c.args[k]!);
    sawSub = true;
  }
  return out;
}

export default defineRule({
  id: 'DF052',
  name: 'gem-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin versions in gem install',
  fix: 'none',
  anchors: { hadolint: ['DL3028'], kics: ['22cd11f7-9c6c-4f6e-84c0-02058120b341'] },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: '`gem install <gem>` without `gem:version` or `-v <version>`.',
    rationale: 'An unpinned gem resolves to the latest release at build time; builds drift and a compromised release is picked up automatically.',
    remediation: 'Pin with `gem install bundler:2.5.22` or `gem install bundler -v 2.5.22`.',
    references: ['https://guides.rubygems.org/command-reference/#gem-install'],
    examples: { bad: ['FROM ruby:3.3\nRUN gem install bundler\n'], good: ['FROM ruby:3.3\nRUN gem install bundler:2.5.22\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, GEM, (pkg) => pkg.includes(':'), packagesOf) } },
});
