import { defineRule } from '../engine/rule';
import { checkYes } from '../model/dockerfile/pm-checks';
import { DNF } from '../model/dockerfile/packages';

export default defineRule({
  id: 'DF041',
  name: 'dnf-yes',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Pass -y to dnf install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3038'],
    kics: ['7ebd323c-31b7-4e5b-b26f-de5e9e477af8'],
  },
  messages: {
    noYes: (cmd: string) => `'${cmd}' without -y waits for a confirmation that never comes in a build.`,
  },
  docs: {
    summary: '`dnf install` runs without a non-interactive switch (`-y`, `--assumeyes`).',
    rationale: 'A build has no terminal: the confirmation prompt aborts the command, so the build fails or later steps run without the packages they expect.',
    remediation: 'Add `-y` to every `dnf install`.',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM fedora:40\nRUN dnf install tar-1.34\n'], good: ['FROM fedora:40\nRUN dnf install -y tar-1.34\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkYes(i, ctx, DNF, ['-y', '--assumeyes'], '-y') } },
});
