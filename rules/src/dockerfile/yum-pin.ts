import { defineRule } from '../engine/rule';
import { checkRpmPins } from '../model/dockerfile/pm-checks';
import { YUM } from '../model/dockerfile/packages';

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
  hooks: { onInstruction: { RUN: (i, ctx) => checkRpmPins(i, ctx, YUM) } },
});
