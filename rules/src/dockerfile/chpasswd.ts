import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { hasFlag } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF076',
  name: 'chpasswd',
  target: 'dockerfile',
  category: 'secrets',
  severity: 'warning',
  title: 'Do not set or remove passwords at build time',
  fix: 'none',
  anchors: { checkov: ['CKV2_DOCKER_17'], dockle: ['DKL-LI-0001'] },
  messages: {
    chpasswd: (cmd: string) => `'${cmd}' sets or removes an account password inside the image.`,
  },
  docs: {
    summary: 'A RUN uses `chpasswd`, or `passwd -d` to empty a password.',
    rationale: 'A password set in a Dockerfile is visible in the build history and identical in every container; an emptied password lets anyone log in. Containers should not need interactive logins at all.',
    remediation: 'Remove the password step; create users with `useradd --no-log-init` and no password, and use `USER` to run as them.',
    references: ['https://cwe.mitre.org/data/definitions/259.html', 'https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0001'],
    examples: { bad: ['FROM debian:12\nRUN echo "root:toor" | chpasswd\n', 'FROM debian:12\nRUN passwd -d root\n'], good: ['FROM debian:12\nRUN useradd --no-log-init -r -u 10001 app\nUSER 10001\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name === 'chpasswd' || (c.name === 'passwd' && hasFlag(c, '-d', '--delete'))) ctx.report({ at: c.words[0]!.range, messageId: 'chpasswd', args: [c.name] });
        }
      },
    },
  },
});
