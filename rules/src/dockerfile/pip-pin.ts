import { defineRule } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../model/dockerfile/shell';
import { commandsOf } from '../model/dockerfile/shell';
import { checkPins } from '../model/dockerfile/pm-checks';
import { asInstall, installedPackages, PIP } from '../model/dockerfile/packages';
import { hasFlag } from '../model/dockerfile/shell-query';

/**
 * Version specifiers, local files and directories, URLs, and VCS URLs with an `@ref` count as
 * pinned. A single `=` (`pkg=1.0`) is invalid for pip and fails the build, so it is not reported.
 */
function pinned(pkg: string): boolean {
  if (/^git\+/.test(pkg)) return /@[^/]+$/.test(pkg.replace(/#.*$/, '').replace(/^git\+[a-z]+:\/\/[^/]*@/, ''));
  if (/[=<>]/.test(pkg)) return true;
  if (/^https?:\/\//.test(pkg) || pkg.includes('/') || pkg === '.' || /\.(whl|tar\.gz|zip|tgz)$/.test(pkg)) return true;
  return false;
}

/** Requirements/constraints files pin everything they list. */
function packagesOf(c: ShellCommand): ShellWord[] {
  return hasFlag(c, '-r', '--requirement', '-c', '--constraint') ? [] : installedPackages(c, PIP);
}

export default defineRule({
  id: 'DF053',
  name: 'pip-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin versions in pip install',
  fix: 'none',
  anchors: { hadolint: ['DL3013'], kics: ['02d9c71f-3ee8-4986-9c27-1a20d0d19bfc'] },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: '`pip install <pkg>` (also `pip3`, `python -m pip`, `pipx`) names a package without a version specifier, requirements or constraints file.',
    rationale: 'pip resolves unpinned names to the newest release at build time; builds drift, and a typo-squatted or hijacked release runs its setup code during the build.',
    remediation: 'Pin versions (`requests==2.32.3`) or install from a pinned requirements file, ideally with hashes (`--require-hashes`).',
    references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/'],
    examples: { bad: ['FROM python:3.12\nRUN pip install --no-cache-dir requests\n'], good: ['FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3\n', 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        const cmds = commandsOf(ctx.model, i).map((c) => asInstall(c, PIP)).filter((c): c is ShellCommand => c !== undefined);
        checkPins(i, ctx, PIP, pinned, packagesOf, cmds);
      },
    },
  },
});
