import { defineRule } from '../engine/rule';
import { checkPins, pmCommands } from '../model/dockerfile/pm-checks';
import { YUM } from '../model/dockerfile/packages';
import { positionals } from '../model/dockerfile/shell-query';
import type { ShellCommand, ShellWord } from '../model/dockerfile/shell';

/** Package words: after `install`, or after `module install` (module streams pin with `:`); group installs name groups. */
function packagesOf(c: ShellCommand): ShellWord[] {
  const p = positionals(c, YUM.valueOpts);
  if (p[0]?.value === 'module') return p[1]?.value !== 'install' ? [] : p.slice(2).map((w) => ({ ...w, value: w.value.includes(':') ? `${w.value}-0` : w.value }));
  if (p[0]?.value === 'group' || p[0]?.value === 'groupinstall') return [];
  return p.slice(1);
}

function pinned(pkg: string): boolean {
  return /-\d/.test(pkg) || pkg.endsWith('.rpm') || pkg.startsWith('/') || pkg.startsWith('./') || pkg.startsWith('@');
}

export default defineRule({
  id: 'DF048',
  name: 'yum-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in yum install',
  fix: 'none',
  anchors: {
    hadolint: ['DL3033'],
    kics: ['6452c424-1d92-4deb-bb18-a03e95d579c4'],
  },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: 'A package in `yum install` has no version (`pkg-version`).',
    rationale: 'Unpinned packages make builds irreproducible: the same Dockerfile yields different software on different days, a broken or compromised release flows in unnoticed, and a vulnerability scan of one build says nothing about the next.',
    remediation: 'Pin each package (`pkg-version`) and update the pins deliberately, e.g. with a dependency bot.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM centos:7\nRUN yum install -y tar && yum clean all\n'], good: ['FROM centos:7\nRUN yum install -y tar-1.26 && yum clean all\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, YUM, pinned, packagesOf, pmCommands(ctx.model, i, YUM, [...YUM.install, 'module', 'group'])) } },
});
