import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { deleteWord, findFlag, hasFlag, replaceWord } from '../model/dockerfile/shell-query';
import type { DockerfileModel } from '../model/dockerfile/parse';
import type { ShellCommand, ShellWord } from '../model/dockerfile/shell';

const FLAGS = ['--force-yes'];

/** Replaces `--force-yes` with `-y`, keeping the command non-interactive; drops it when `-y` is already there. */
function fixOf(model: DockerfileModel, c: ShellCommand, w: ShellWord) {
  if (!w.exact) return undefined;
  if (hasFlag(c, '-y', '--yes', '--assume-yes')) return { title: `Remove ${w.value} (-y is already given)`, edits: [deleteWord(model, w)] };
  return { title: `Replace ${w.value} with -y`, edits: [replaceWord(model, w, '-y')] };
}

export default defineRule({
  id: 'DF072',
  name: 'apt-force-yes',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'error',
  title: 'Do not use apt-get --force-yes',
  fix: 'safe',
  anchors: {
    checkov: ['CKV2_DOCKER_11'],
  },
  messages: {
    flag: (cmd: string, flag: string) => `${cmd} ${flag} also accepts unauthenticated packages and downgrades.`,
  },
  docs: {
    summary: 'apt-get runs with `--force-yes`.',
    rationale: '`--force-yes` is deprecated and dangerous: besides answering prompts it lets apt install unauthenticated packages and downgrade or remove essential ones.',
    remediation: 'Use `-y` instead of `--force-yes`; the quick fix swaps it for `-y`, or removes it when `-y` is already there.',
    references: ['https://manpages.debian.org/bookworm/apt/apt-get.8.en.html'],
    examples: { bad: ['FROM debian:12\nRUN apt-get install -y --force-yes curl\n'], good: ['FROM debian:12\nRUN apt-get install -y curl\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (!['apt-get', 'apt'].includes(c.name)) continue;
          const w = findFlag(c, ...FLAGS);
          if (!w) continue;
          const fix = fixOf(ctx.model, c, w);
          ctx.report({ at: w.range, messageId: 'flag', args: [c.name, w.value], ...(fix ? { fix } : {}) });
        }
      },
    },
  },
});
