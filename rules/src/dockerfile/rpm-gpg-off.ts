import { defineRule } from '../engine/rule';
import { unverifiedFlagHook } from '../model/dockerfile/shell-query';
const FLAGS = ['--nogpgcheck', '--no-gpg-checks', '--no-gpgcheck'];

export default defineRule({
  id: 'DF073',
  name: 'rpm-gpg-off',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Do not skip GPG checks in yum, dnf or zypper',
  fix: 'safe',
  anchors: {
    checkov: ['CKV2_DOCKER_9'],
  },
  messages: {
    flag: (cmd: string, flag: string) => `${cmd} ${flag} installs packages without verifying their signatures.`,
  },
  docs: {
    summary: 'yum, dnf, tdnf, microdnf or zypper runs with `--nogpgcheck` (`--no-gpg-checks`).',
    rationale: 'Without GPG verification any package served by the repository (or by whoever can intercept it) is installed and its scripts run as root during the build.',
    remediation: 'Remove the option and import the repository key with `rpm --import`.',
    references: ['https://dnf.readthedocs.io/en/latest/command_ref.html', 'https://cwe.mitre.org/data/definitions/347.html'],
    examples: { bad: ['FROM fedora:40\nRUN dnf install -y --nogpgcheck tar-1.35 && dnf clean all\n'], good: ['FROM fedora:40\nRUN dnf install -y tar-1.35 && dnf clean all\n'] },
  },
  hooks: {
    onInstruction: {
      RUN: unverifiedFlagHook(['yum', 'dnf', 'microdnf', 'tdnf', 'zypper'], FLAGS),
    },
  },
});
