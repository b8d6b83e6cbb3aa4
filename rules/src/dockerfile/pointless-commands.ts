import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';

/** Interactive or host-management tools that do nothing useful while building an image. */
const POINTLESS = new Set(['ssh', 'vim', 'vi', 'nano', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig', 'htop', 'reboot', 'systemctl']);

export default defineRule({
  id: 'DF061',
  name: 'pointless-commands',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'info',
  title: 'Do not run interactive or host tools in RUN',
  fix: 'none',
  anchors: { hadolint: ['DL3001'], kics: ['9b6b0f38-92a2-41f9-b881-3a1083d99f1b'] },
  messages: {
    pointless: (cmd: string) => `'${cmd}' makes no sense in an image build (no terminal, no init system, no running services).`,
  },
  docs: {
    summary: 'A RUN calls a tool such as ssh, vim, nano, top, ps, kill, mount, service, systemctl or shutdown.',
    rationale: 'These tools need a terminal, a running system or host privileges; in a build they hang, fail or change nothing that persists, and their presence usually means the image is treated like a VM.',
    remediation: 'Remove the command; manage services with the container runtime and debug with `docker exec`.',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM debian:12\nRUN service nginx start\n'], good: ['FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) if (POINTLESS.has(c.name)) ctx.report({ at: c.words[0]!.range, messageId: 'pointless', args: [c.name] });
      },
    },
  },
});
