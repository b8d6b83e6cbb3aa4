import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { deleteWord } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF007',
  name: 'sudo',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'error',
  title: 'Do not use sudo in RUN',
  fix: 'safe',
  anchors: {
    hadolint: ['DL3004'],
    checkov: ['CKV2_DOCKER_1'],
    trivy: ['AVD-DS-0010'],
    kics: ['8ada6e80-0ade-439e-b176-0b28f6bce35a'],
    dockle: ['DKL-DI-0001'],
  },
  messages: {
    sudo: (cmd: string) => `sudo runs '${cmd}'; RUN steps already run as the current USER, switch with USER instead.`,
  },
  docs: {
    summary: 'A RUN command uses sudo.',
    rationale: 'sudo in an image means a sudo binary and a sudoers policy ship with it, giving any process in the container a path to root. In a build it is also pointless: RUN executes as the current USER, and switching users is what the USER instruction is for. sudo\'s TTY and signal handling also behave unpredictably without a terminal.',
    remediation: 'Drop sudo and run the step before switching to the non-root USER (or temporarily switch with `USER root`); use gosu or su-exec for runtime privilege drops.',
    references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://cwe.mitre.org/data/definitions/250.html'],
    examples: { bad: ['FROM debian:12\nRUN sudo apt-get update\n'], good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'sudo') continue;
          const sudoWord = c.words[0]!;
          const inner = c.args[0];
          // Only plain `sudo cmd …` is fixed mechanically; options (-u user, -E …) change what runs.
          const fixable = sudoWord.exact && inner !== undefined && !inner.value.startsWith('-');
          ctx.report({
            at: sudoWord.range,
            messageId: 'sudo',
            args: [inner?.value ?? ''],
            ...(fixable ? { fix: { title: 'Remove sudo', edits: [deleteWord(ctx.model, sudoWord)] } } : {}),
          });
        }
      },
    },
  },
});
