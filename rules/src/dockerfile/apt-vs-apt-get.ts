import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals, replaceWord } from '../model/dockerfile/shell-query';

/** apt subcommands that apt-get accepts with the same meaning. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'clean', 'autoclean', 'source', 'build-dep', 'download', 'satisfy']);

export default defineRule({
  id: 'DF032',
  name: 'apt-vs-apt-get',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'warning',
  title: 'Use apt-get instead of apt in scripts',
  fix: 'safe',
  anchors: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'], kics: ['b84a0b47-2e99-4c9f-8933-98bcabe2b94d'] },
  messages: {
    apt: (sub: string) => `'apt ${sub}' uses the interactive front end, whose output and behaviour are not stable for scripts.`,
  },
  docs: {
    summary: 'A RUN calls `apt`, the interactive front end, instead of `apt-get`/`apt-cache`.',
    rationale: 'apt warns that its command-line interface is not stable for scripts: progress output, prompts and defaults may change between releases, which makes builds flaky.',
    remediation: 'Use `apt-get` (or `apt-cache` for queries).',
    references: ['https://manpages.debian.org/bookworm/apt/apt.8.en.html#SCRIPT_USAGE_AND_DIFFERENCES_FROM_OTHER_APT_TOOLS'],
    examples: { bad: ['FROM ubuntu:24.04\nRUN apt update\n'], good: ['FROM ubuntu:24.04\nRUN apt-get update\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'apt') continue;
          const w = c.words[0]!;
          const sub = positionals(c, ['-o', '-c', '-t'])[0]?.value ?? '';
          const fixable = w.exact && w.value === 'apt' && SAME_IN_APT_GET.has(sub);
          ctx.report({ at: w.range, messageId: 'apt', args: [sub], ...(fixable ? { fix: { title: 'Use apt-get', edits: [replaceWord(ctx.model, w, 'apt-get')] } } : {}) });
        }
      },
    },
  },
});
