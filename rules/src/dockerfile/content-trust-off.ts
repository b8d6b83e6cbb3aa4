import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { badSettings } from '../model/dockerfile/env-settings';

const messages = {
  off: (setting: string) => `'${setting}' turns off Docker Content Trust for docker commands in this image.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const a of badSettings(ctx.model, i, ['DOCKER_CONTENT_TRUST'], (v) => /^(0|false|no|off)?$/i.test(v.trim()))) ctx.report({ at: a.nameRange, messageId: 'off', args: [`${a.name}=${a.value ?? ''}`] });
}

export default defineRule({
  id: 'DF080',
  name: 'content-trust-off',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Do not disable Docker Content Trust',
  fix: 'none',
  anchors: { dockle: ['CIS-DI-0005'] },
  messages,
  docs: {
    summary: '`DOCKER_CONTENT_TRUST` is set to 0 (or empty) by ENV, ARG or in a RUN command.',
    rationale: 'Images that run docker (CI runners, docker-in-docker tooling) then pull and run unsigned images; setting it in the Dockerfile silently overrides an operator\'s choice to enforce signatures.',
    remediation: 'Remove the setting, or set `DOCKER_CONTENT_TRUST=1`.',
    references: ['https://docs.docker.com/engine/security/trust/', 'https://cwe.mitre.org/data/definitions/347.html'],
    examples: { bad: ['FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=0\n'], good: ['FROM docker:27-cli\nENV DOCKER_CONTENT_TRUST=1\n'] },
  },
  hooks: { onInstruction: { ENV: check, ARG: check, RUN: check } },
});
