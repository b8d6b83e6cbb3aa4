import { defineRule } from '../engine/rule';
import { checkClean, removesDir } from '../model/dockerfile/pm-checks';
import { appendCommand, positionals } from '../model/dockerfile/shell-query';
import { YUM } from '../model/dockerfile/packages';
import type { ShellCommand } from '../model/dockerfile/shell';

const DIRS = /^\/var\/cache\/yum(\/\*?)?$/;

function isClean(c: ShellCommand): boolean {
  return (c.name === 'yum' && positionals(c)[0]?.value === 'clean') || removesDir(c, DIRS);
}

export default defineRule({
  id: 'DF043',
  name: 'yum-clean',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Run yum clean all after yum install',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3032'],
    trivy: ['AVD-DS-0015'],
    kics: ['00481784-25aa-4a55-8633-3136dfcf4f37'],
  },
  messages: {
    noClean: (cmd: string) => `'${cmd}' leaves the package cache in this layer; run yum clean all afterwards in the same RUN.`,
  },
  docs: {
    summary: '`yum install` is not followed by `yum clean all` (or removal of the cache directory) in the same RUN.',
    rationale: 'The package manager cache is committed with the layer: it enlarges the image and ships metadata nobody uses at runtime. Cleaning in a later RUN does not help, the bytes stay in the earlier layer. A BuildKit cache or tmpfs mount on the cache directory is accepted, and build stages that are only copied from are not reported (their layers never ship).',
    remediation: 'Append `&& yum clean all` to the RUN that installs packages, or mount a cache on the cache directory.',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM centos:7\nRUN yum install -y tar-1.26\n'], good: ['FROM centos:7\nRUN yum install -y tar-1.26 && yum clean all\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkClean(i, ctx, YUM, ['install', 'groupinstall', 'localinstall'], isClean, ['/var/cache/yum'], 'yum clean all', appendCommand) } },
});
