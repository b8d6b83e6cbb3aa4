import { defineRule } from '../engine/rule';
import { checkPins } from '../model/dockerfile/pm-checks';
import { APT_GET } from '../model/dockerfile/packages';

function pinned(pkg: string): boolean {
  return pkg.includes('=') || pkg.endsWith('.deb') || pkg.includes('/');
}

export default defineRule({
  id: 'DF046',
  name: 'apt-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in apt-get install',
  fix: 'none',
  anchors: {
    hadolint: ['DL3008'],
    kics: ['965a08d7-ef86-4f14-8792-4a3b2098937e'],
  },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: 'A package in `apt-get install` has no version (`pkg=version`).',
    rationale: 'Unpinned packages make builds irreproducible: the same Dockerfile yields different software on different days, a broken or compromised release flows in unnoticed, and a vulnerability scan of one build says nothing about the next.',
    remediation: 'Pin each package (`pkg=version`) and update the pins deliberately, e.g. with a dependency bot.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'], good: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, APT_GET, pinned) } },
});
