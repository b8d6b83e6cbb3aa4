import { defineRule } from '../engine/rule';
import { checkPins } from '../model/dockerfile/pm-checks';
import { ZYPPER } from '../model/dockerfile/packages';

function pinned(pkg: string): boolean {
  return /[=<>]/.test(pkg) || /-\d/.test(pkg) || pkg.endsWith('.rpm');
}

export default defineRule({
  id: 'DF050',
  name: 'zypper-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in zypper install',
  fix: 'none',
  anchors: {
    hadolint: ['DL3037'],
    kics: ['562952e4-0348-4dea-9826-44f3a2c6117b'],
  },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: 'A package in `zypper install` has no version (`pkg=version` or `pkg>=version`).',
    rationale: 'Unpinned packages make builds irreproducible: the same Dockerfile yields different software on different days, a broken or compromised release flows in unnoticed, and a vulnerability scan of one build says nothing about the next.',
    remediation: 'Pin each package (`pkg=version` or `pkg>=version`) and update the pins deliberately, e.g. with a dependency bot.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar && zypper clean\n'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34 && zypper clean\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, ZYPPER, pinned) } },
});
