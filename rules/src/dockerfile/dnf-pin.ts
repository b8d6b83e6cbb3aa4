import { defineRule } from '../engine/rule';
import { checkPins, pmCommands } from '../model/dockerfile/pm-checks';
import { DNF } from '../model/dockerfile/packages';
import { positionals } from '../model/dockerfile/shell-query';
import type { ShellCommand, ShellWord } from '../model/dockerfile/shell';

/** Package words: after `install`, or after `module install` (module streams pin with `:`); group installs name groups. */
function packagesOf(c: ShellCommand): ShellWord[] {
  const p = positionals(c, DNF.valueOpts);
  if (p[0]?.value === 'module') return p[1]?.value !== 'install' ? [] : p.slice(2).map((w) => ({ ...w, value: w.value.includes(':') ? `${w.value}-0` : w.value }));
  if (p[0]?.value === 'group' || p[0]?.value === 'groupinstall') return [];
  return p.slice(1);
}

function pinned(pkg: string): boolean {
  return /-\d/.test(pkg) || pkg.endsWith('.rpm') || pkg.startsWith('/') || pkg.startsWith('./') || pkg.startsWith('@');
}

export default defineRule({
  id: 'DF049',
  name: 'dnf-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in dnf install',
  fix: 'none',
  anchors: {
    hadolint: ['DL3041'],
    kics: ['93d88cf7-f078-46a8-8ddc-178e03aeacf1'],
  },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: 'A package in `dnf install` has no version (`pkg-version`).',
    rationale: 'Unpinned packages make builds irreproducible: the same Dockerfile yields different software on different days, a broken or compromised release flows in unnoticed, and a vulnerability scan of one build says nothing about the next.',
    remediation: 'Pin each package (`pkg-version`) and update the pins deliberately, e.g. with a dependency bot.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM fedora:40\nRUN dnf install -y tar && dnf clean all\n'], good: ['FROM fedora:40\nRUN dnf install -y tar-1.35 && dnf clean all\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, DNF, pinned, packagesOf, pmCommands(ctx.model, i, DNF, [...DNF.install, 'module', 'group'])) } },
});
