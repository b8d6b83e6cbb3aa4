import { defineRule } from '../engine/rule';
import { unverifiedFlagHook } from '../model/dockerfile/shell-query';
const FLAGS = ['--allow-untrusted'];

export default defineRule({
  id: 'DF070',
  name: 'apk-allow-untrusted',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Do not install unsigned apk packages',
  fix: 'safe',
  anchors: {
    checkov: ['CKV2_DOCKER_7'],
  },
  messages: {
    flag: (cmd: string, flag: string) => `${cmd} ${flag} installs packages without verifying their signatures.`,
  },
  docs: {
    summary: '`apk` runs with `--allow-untrusted`.',
    rationale: 'apk then accepts packages and indexes whose signature is missing or made by an unknown key, so a tampered mirror or a man-in-the-middle can inject code that runs as root during the build.',
    remediation: 'Remove `--allow-untrusted`; add the repository\'s public key to /etc/apk/keys instead.',
    references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper', 'https://cwe.mitre.org/data/definitions/347.html'],
    examples: { bad: ['FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk\n'], good: ['FROM alpine:3.20\nRUN apk add --no-cache /tmp/pkg.apk\n'] },
  },
  hooks: {
    onInstruction: {
      RUN: unverifiedFlagHook(['apk'], FLAGS),
    },
  },
});
