import { defineRule } from '../engine/rule';
import { checkPins } from '../model/dockerfile/pm-checks';
import { APK } from '../model/dockerfile/packages';

function pinned(pkg: string): boolean {
  return /[=~<>]/.test(pkg) || pkg.endsWith('.apk');
}

export default defineRule({
  id: 'DF047',
  name: 'apk-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in apk add',
  fix: 'none',
  anchors: {
    hadolint: ['DL3018'],
    kics: ['d3499f6d-1651-41bb-a9a7-de925fea487b'],
  },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: 'A package in `apk add` has no version (`pkg=version` or `pkg~version`).',
    rationale: 'Unpinned packages make builds irreproducible: the same Dockerfile yields different software on different days, a broken or compromised release flows in unnoticed, and a vulnerability scan of one build says nothing about the next.',
    remediation: 'Pin each package (`pkg=version` or `pkg~version`) and update the pins deliberately, e.g. with a dependency bot.',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: { bad: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'], good: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, APK, pinned) } },
});
