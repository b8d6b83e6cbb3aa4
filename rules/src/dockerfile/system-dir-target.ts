import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';

const SYSTEM = /^\/(proc|sys|dev|boot|lost\+found|initrd)(\/|$)/;
const messages = {
  system: (kw: string, dir: string) => `${kw} ${dir} points at a kernel or system directory.`,
};

function words(i: Instruction): { value: string; range: Instruction['range'] }[] {
  return (i.json ?? i.args).map((w) => ({ value: w.value.replace(/^["']|["']$/g, ''), range: w.range }));
}

function check(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  for (const w of words(i)) if (SYSTEM.test(w.value)) ctx.report({ at: w.range, messageId: 'system', args: [i.keyword, w.value] });
}

export default defineRule({
  id: 'DF078',
  name: 'system-dir-target',
  target: 'dockerfile',
  category: 'isolation',
  severity: 'error',
  title: 'Do not use kernel or system directories as WORKDIR or VOLUME',
  fix: 'none',
  anchors: { trivy: ['AVD-DS-0030'], dockle: ['DKL-DI-0002'] },
  messages,
  docs: {
    summary: 'WORKDIR or VOLUME names /proc, /sys, /dev, /boot (or a path below them).',
    rationale: 'These paths are provided by the kernel and the runtime; a volume there hides them or, when a user binds a host path to it, exposes the host\'s kernel interfaces to the container.',
    remediation: 'Use an application directory such as /app or /data.',
    references: ['https://docs.docker.com/reference/dockerfile/#volume'],
    examples: { bad: ['FROM alpine:3.20\nVOLUME /proc\n', 'FROM alpine:3.20\nWORKDIR /dev/app\n'], good: ['FROM alpine:3.20\nVOLUME /data\nWORKDIR /app\n'] },
  },
  hooks: { onInstruction: { WORKDIR: check, VOLUME: check } },
});
