import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { findFlag, removeFlag } from '../model/dockerfile/shell-query';
const FLAGS = ['--force-yes'];

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
    remediation: 'Use `-y` instead of `--force-yes`.',
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
          const edit = removeFlag(ctx.model, w, FLAGS);
          ctx.report({ at: w.range, messageId: 'flag', args: [c.name, w.value], ...(edit ? { fix: { title: `Remove ${w.value}`, edits: [edit] } } : {}) });
        }
      },
    },
  },
});
