import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { appendCommand, positionals } from '../model/dockerfile/shell-query';
import { cacheMountTargets } from '../model/dockerfile/packages';
import { isShipped } from '../model/dockerfile/stages';

const CACHE_DIRS = ['/root/.cache/yarn', '/usr/local/share/.cache/yarn', '/root/.yarn/berry/cache'];

export default defineRule({
  id: 'DF057',
  name: 'yarn-cache-clean',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Run yarn cache clean after yarn install',
  fix: 'safe',
  anchors: { hadolint: ['DL3060'] },
  messages: {
    noClean: () => "'yarn install' leaves the yarn cache in this layer; run yarn cache clean afterwards in the same RUN.",
  },
  docs: {
    summary: '`yarn install` is not followed by `yarn cache clean` in the same RUN (stages whose layers reach the image only).',
    rationale: 'yarn keeps a copy of every package tarball in its global cache, roughly doubling the size of node_modules in the layer. A BuildKit cache or tmpfs mount on the cache directory is accepted.',
    remediation: 'Append `&& yarn cache clean` to the RUN, or mount a cache on the yarn cache directory.',
    references: ['https://classic.yarnpkg.com/en/docs/cli/cache'],
    examples: { bad: ['FROM node:22\nRUN yarn install --frozen-lockfile\n'], good: ['FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        if (!isShipped(ctx.model, i) || cacheMountTargets(i).some((t) => CACHE_DIRS.includes(t))) return;
        const cmds = commandsOf(ctx.model, i).filter((c) => c.name === 'yarn');
        const install = cmds.find((c) => positionals(c)[0]?.value === 'install');
        if (!install || cmds.some((c) => c.start > install.start && positionals(c)[0]?.value === 'cache' && positionals(c)[1]?.value === 'clean')) return;
        const edit = appendCommand(ctx.model, i, 'yarn cache clean');
        ctx.report({ at: ctx.model.lines.range(install.words[0]!.start, positionals(install)[0]!.end), messageId: 'noClean', args: [], ...(edit ? { fix: { title: 'Append yarn cache clean', edits: [edit] } } : {}) });
      },
    },
  },
});
