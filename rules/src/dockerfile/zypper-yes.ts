import { defineRule } from '../engine/rule';
import { checkYes } from '../model/dockerfile/pm-checks';
import { ZYPPER } from '../model/dockerfile/packages';

export default defineRule({
  id: 'DF042',
  name: 'zypper-yes',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Pass -y to zypper install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3034'],
    kics: ['45e1fca5-f90e-465d-825f-c2cb63fa3944'],
  },
  messages: {
    noYes: (cmd: string) => `'${cmd}' without -y waits for a confirmation that never comes in a build.`,
  },
  docs: {
    summary: '`zypper install` runs without a non-interactive switch (`-n`, `--non-interactive`, `-y`, `--no-confirm`).',
    rationale: 'A build has no terminal: the confirmation prompt aborts the command, so the build fails or later steps run without the packages they expect.',
    remediation: 'Add `-y` to every `zypper install`.',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM opensuse/leap:15.6\nRUN zypper install tar-1.34\n'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar-1.34\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkYes(i, ctx, ZYPPER, ['-n', '--non-interactive', '-y', '--no-confirm'], '-y', ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']) } },
});
