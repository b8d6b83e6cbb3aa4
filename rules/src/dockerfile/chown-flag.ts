import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';

const messages = {
  chown: (owner: string) => `--chown=${owner} gives the runtime user write access to these files.`,
};

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  const f = i.flags.find((x) => x.name.toLowerCase() === 'chown');
  if (f?.value && !/^(0|root)(:(0|root))?$/.test(f.value)) ctx.report({ at: f.range, messageId: 'chown', args: [f.value] });
}

export default defineRule({
  id: 'DF077',
  name: 'chown-flag',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'info',
  title: 'Keep copied application files owned by root',
  fix: 'none',
  defaultOff: true,
  anchors: { kics: ['aa93e17f-b6db-4162-9334-c70334e7ac28'] },
  messages,
  docs: {
    summary: 'COPY or ADD uses `--chown` to hand files to a non-root user.',
    rationale: 'If the user the container runs as owns the application\'s code, a compromised process can rewrite it and persist. Files only need to be readable; write access belongs to data directories. Off by default: it is common and sometimes needed, but worth reviewing in hardened images.',
    remediation: 'Copy code as root (the default) and chown only the directories the application writes to.',
    references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod', 'https://cwe.mitre.org/data/definitions/732.html'],
    examples: { bad: ['FROM node:22\nCOPY --chown=node:node . /app\n'], good: ['FROM node:22\nCOPY . /app\nRUN mkdir /app/data && chown node /app/data\n'] },
  },
  hooks: { onInstruction: { COPY: check, ADD: check } },
});
