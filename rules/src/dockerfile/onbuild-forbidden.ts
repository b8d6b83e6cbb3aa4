import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';

const messages = {
  forbidden: (kw: string) => `ONBUILD ${kw} is not allowed; the build of any child image will fail.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  if (i.onbuild) ctx.report({ at: i.keywordRange, messageId: 'forbidden', args: [i.keyword] });
}

export default defineRule({
  id: 'DF086',
  name: 'onbuild-forbidden',
  target: 'dockerfile',
  category: 'reliability',
  severity: 'error',
  title: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER',
  fix: 'none',
  anchors: { hadolint: ['DL3043'] },
  messages,
  docs: {
    summary: 'An ONBUILD trigger is ONBUILD, FROM or MAINTAINER.',
    rationale: 'The builder rejects these triggers, but only when a child image is built, so the mistake surfaces far from the Dockerfile that contains it.',
    remediation: 'Remove the trigger.',
    references: ['https://docs.docker.com/reference/dockerfile/#onbuild'],
    examples: { bad: ['FROM alpine:3.20\nONBUILD FROM debian:12\n'], good: ['FROM alpine:3.20\nONBUILD COPY . /app\n'] },
  },
  hooks: {
    onInstruction: { ONBUILD: check, FROM: check, MAINTAINER: check },
  },
});
