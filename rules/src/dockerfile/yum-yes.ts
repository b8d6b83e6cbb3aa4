import { defineRule } from '../engine/rule';
import { checkYes } from '../model/dockerfile/pm-checks';
import { YUM } from '../model/dockerfile/packages';

export default defineRule({
  id: 'DF040',
  name: 'yum-yes',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Pass -y to yum install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3030'],
    kics: ['6e19193a-8753-436d-8a09-76dcff91bb03'],
  },
  messages: {
    noYes: (cmd: string) => `'${cmd}' without -y waits for a confirmation that never comes in a build.`,
  },
  docs: {
    summary: '`yum install` runs without a non-interactive switch (`-y`, `--assumeyes`).',
    rationale: 'A build has no terminal: the confirmation prompt aborts the command, so the build fails or later steps run without the packages they expect.',
    remediation: 'Add `-y` to every `yum install`.',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM fedora:40\nRUN yum install tar-1.34\n'], good: ['FROM fedora:40\nRUN yum install -y tar-1.34\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkYes(i, ctx, YUM, ['-y', '--assumeyes'], '-y') } },
});
