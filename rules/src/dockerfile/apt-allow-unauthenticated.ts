import { defineRule } from '../engine/rule';
import { unverifiedFlagHook } from '../model/dockerfile/shell-query';
const FLAGS = ['--allow-unauthenticated', '--allow-insecure-repositories', '--allow-downgrades'];

export default defineRule({
  id: 'DF071',
  name: 'apt-allow-unauthenticated',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Do not install unauthenticated apt packages',
  fix: 'safe',
  anchors: {
    checkov: ['CKV2_DOCKER_8'],
  },
  messages: {
    flag: (cmd: string, flag: string) => `${cmd} ${flag} installs packages without verifying their signatures.`,
  },
  docs: {
    summary: 'apt-get runs with `--allow-unauthenticated` (or `--allow-insecure-repositories`/`--allow-downgrades`).',
    rationale: 'These options make apt install packages from repositories whose signatures are missing or invalid (or roll back to old, vulnerable versions), so a tampered mirror decides what runs in the image.',
    remediation: 'Remove the option and import the repository\'s signing key (`signed-by=` in the sources entry).',
    references: ['https://manpages.debian.org/bookworm/apt/apt-get.8.en.html', 'https://cwe.mitre.org/data/definitions/347.html'],
    examples: { bad: ['FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n'], good: ['FROM debian:12\nRUN apt-get install -y curl\n'] },
  },
  hooks: {
    onInstruction: {
      RUN: unverifiedFlagHook(['apt-get', 'apt', 'aptitude'], FLAGS),
    },
  },
});
