import { defineRule } from '../engine/rule';
import { checkClean, removesDir } from '../model/dockerfile/pm-checks';
import { appendCommand, positionals } from '../model/dockerfile/shell-query';
import { DNF } from '../model/dockerfile/packages';
import type { ShellCommand } from '../model/dockerfile/shell';

const DIRS = /^\/var\/cache\/(yum|dnf|libdnf5)(\/\*?)?$/;

/** `dnf clean` cleans dnf's cache, `microdnf clean` microdnf's: the cleaner must match the installer. */
function isClean(c: ShellCommand, install: ShellCommand): boolean {
  return (c.name === install.name && positionals(c)[0]?.value === 'clean') || removesDir(c, DIRS);
}

export default defineRule({
  id: 'DF044',
  name: 'dnf-clean',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Run dnf clean all after dnf install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3040'],
    trivy: ['AVD-DS-0019', 'AVD-DS-0027'],
    kics: ['295acb63-9246-4b21-b441-7c1f1fb62dc0'],
  },
  messages: {
    noClean: (cmd: string) => `'${cmd}' leaves the package cache in this layer; run dnf clean all afterwards in the same RUN.`,
  },
  docs: {
    summary: '`dnf install` is not followed by `dnf clean all` (or removal of the cache directory) in the same RUN.',
    rationale: 'The package manager cache is committed with the layer: it enlarges the image and ships metadata nobody uses at runtime. Cleaning in a later RUN does not help, the bytes stay in the earlier layer. A BuildKit cache or tmpfs mount on the cache directory is accepted, and build stages that are only copied from are not reported (their layers never ship).',
    remediation: 'Append `&& dnf clean all` to the RUN that installs packages, or mount a cache on the cache directory.',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM fedora:40\nRUN dnf install -y tar-1.35\n'], good: ['FROM fedora:40\nRUN dnf install -y tar-1.35 && dnf clean all\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkClean(i, ctx, DNF, ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei', 'groupinstall', 'localinstall'], isClean, ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'], 'dnf clean all', appendCommand) } },
});
