import { defineRule } from '../engine/rule';
import { checkClean, removesDir } from '../model/dockerfile/pm-checks';
import { appendCommand, positionals } from '../model/dockerfile/shell-query';
import { ZYPPER } from '../model/dockerfile/packages';
import type { ShellCommand } from '../model/dockerfile/shell';

const DIRS = /^\/var\/cache\/zypp(\/\*?)?$/;

function isClean(c: ShellCommand): boolean {
  return (c.name === 'zypper' && ['clean', 'cc'].includes(positionals(c, ['-r', '--repo'])[0]?.value ?? '')) || removesDir(c, DIRS);
}

export default defineRule({
  id: 'DF045',
  name: 'zypper-clean',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Run zypper clean after zypper install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3036'],
    trivy: ['AVD-DS-0020'],
    kics: ['38300d1a-feb2-4a48-936a-d1ef1cd24313'],
  },
  messages: {
    noClean: (cmd: string) => `'${cmd}' leaves the package cache in this layer; run zypper clean afterwards in the same RUN.`,
  },
  docs: {
    summary: '`zypper install` is not followed by `zypper clean` (or removal of the cache directory) in the same RUN.',
    rationale: 'The package manager cache is committed with the layer: it enlarges the image and ships metadata nobody uses at runtime. Cleaning in a later RUN does not help, the bytes stay in the earlier layer. A BuildKit cache or tmpfs mount on the cache directory is accepted, and build stages that are only copied from are not reported (their layers never ship).',
    remediation: 'Append `&& zypper clean` to the RUN that installs packages, or mount a cache on the cache directory.',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34\n'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y tar=1.34 && zypper clean\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkClean(i, ctx, ZYPPER, ['install', 'in', 'patch', 'source-install', 'si'], isClean, ['/var/cache/zypp'], 'zypper clean', appendCommand) } },
});
