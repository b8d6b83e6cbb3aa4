import { defineRule } from '../engine/rule';
import { unverifiedFlagHook } from '../model/dockerfile/shell-query';
const FLAGS = ['--nosignature', '--nodigest', '--noverify', '--nofiledigest'];

export default defineRule({
  id: 'DF074',
  name: 'rpm-nosignature',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Do not skip rpm signature and digest checks',
  fix: 'safe',
  anchors: {
    checkov: ['CKV2_DOCKER_10'],
  },
  messages: {
    flag: (cmd: string, flag: string) => `${cmd} ${flag} installs packages without verifying their signatures.`,
  },
  docs: {
    summary: '`rpm` runs with `--nosignature`, `--nodigest`, `--noverify` or `--nofiledigest`.',
    rationale: 'These options install a package whose signature or content digests are not checked, so a corrupted or tampered file is installed as is.',
    remediation: 'Remove the option and import the signing key with `rpm --import`.',
    references: ['https://rpm-software-management.github.io/rpm/man/rpm.8', 'https://cwe.mitre.org/data/definitions/347.html'],
    examples: { bad: ['FROM fedora:40\nRUN rpm -i --nosignature /tmp/pkg.rpm\n'], good: ['FROM fedora:40\nRUN rpm -i /tmp/pkg.rpm\n'] },
  },
  hooks: {
    onInstruction: {
      RUN: unverifiedFlagHook(['rpm'], FLAGS),
    },
  },
});
