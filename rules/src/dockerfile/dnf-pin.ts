import { defineRule } from '../engine/rule';
import { checkRpmPins } from '../model/dockerfile/pm-checks';
import { DNF } from '../model/dockerfile/packages';

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
  hooks: { onInstruction: { RUN: (i, ctx) => checkRpmPins(i, ctx, DNF) } },
});
