import { defineRule } from '../engine/rule';
import { commandsOf } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

export default defineRule({
  id: 'DF062',
  name: 'shell-via-run',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Use SHELL, not a /bin/sh symlink, to change the shell',
  fix: 'none',
  anchors: { hadolint: ['DL4005'], kics: ['8a301064-c291-4b20-adcb-403fe7fd95fd'] },
  messages: {
    ln: () => 'Replacing /bin/sh with a symlink changes the shell for every program in the image, not only for RUN.',
  },
  docs: {
    summary: 'A RUN replaces `/bin/sh` with a link (e.g. `ln -sf /bin/bash /bin/sh`) to change the shell used by later RUN instructions.',
    rationale: 'Every script and program that calls /bin/sh now gets a different shell, which breaks system scripts that rely on POSIX behaviour and is invisible to readers of the Dockerfile. The SHELL instruction changes only what RUN uses.',
    remediation: 'Use `SHELL ["/bin/bash", "-c"]` (with `-o pipefail` as needed).',
    references: ['https://docs.docker.com/reference/dockerfile/#shell'],
    examples: { bad: ['FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n'], good: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          if (c.name !== 'ln') continue;
          const p = positionals(c);
          if (p.length >= 2 && p[p.length - 1]!.value === '/bin/sh') ctx.report({ at: c.range, messageId: 'ln', args: [] });
        }
      },
    },
  },
});
