import { defineRule } from '../engine/rule';
import type { DockerfileModel, Instruction } from '../model/dockerfile/parse';
import { commandsOf, type ShellCommand } from '../model/dockerfile/shell';
import { positionals } from '../model/dockerfile/shell-query';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'fish', 'powershell', 'pwsh', 'cmd', 'powershell.exe', 'pwsh.exe', 'cmd.exe']);
/** Options that make a shell print something and exit: a real command, not an attempt to switch shells. */
const INFO_FLAGS = new Set(['--version', '-version', '--help', '-help', '-h', '-?', '/?', '-v']);

/**
 * True when the whole RUN only starts a shell with options and no script (`RUN powershell -command`,
 * `RUN bash`): with no input the shell exits at once, so the author probably meant SHELL. Pipes,
 * redirects and heredocs feed the shell a script, so the command must be the RUN's only text.
 */
function bareShell(model: DockerfileModel, i: Instruction, cmds: readonly ShellCommand[]): ShellCommand | undefined {
  const c = cmds[0];
  if (cmds.length !== 1 || !c || i.heredocs.length > 0 || c.pipeline || c.assigns.length > 0 || c.wrappers.length > 0) return undefined;
  if (!SHELLS.has(c.name.toLowerCase())) return undefined;
  if (!c.args.every((a) => a.literal && (a.value.startsWith('-') || (a.value.startsWith('/') && a.value.length <= 3)) && !INFO_FLAGS.has(a.value.toLowerCase()))) return undefined;
  if (i.json === undefined) {
    const end = i.argsRange ? model.lines.offsetAt(i.argsRange.end) : c.end;
    if (model.text.slice(c.end, end).trim() !== '') return undefined;
  }
  return c;
}

export default defineRule({
  id: 'DF062',
  name: 'shell-via-run',
  target: 'dockerfile',
  category: 'hygiene',
  severity: 'warning',
  title: 'Use SHELL, not RUN, to change the shell',
  fix: 'none',
  anchors: { hadolint: ['DL4005'], kics: ['8a301064-c291-4b20-adcb-403fe7fd95fd'] },
  messages: {
    ln: () => 'Replacing /bin/sh with a symlink changes the shell for every program in the image, not only for RUN.',
    bareShell: (shell: string) => `This RUN only starts ${shell}, which exits at once; it does not change the shell later RUN instructions use.`,
  },
  docs: {
    summary: 'A RUN tries to change the shell of later RUN instructions: it replaces `/bin/sh` with a link (e.g. `ln -sf /bin/bash /bin/sh`), or it only starts a shell with no script (e.g. `RUN powershell -command`).',
    rationale: 'A `/bin/sh` link gives every script and program that calls /bin/sh a different shell, which breaks system scripts that rely on POSIX behaviour and is invisible to readers of the Dockerfile. A RUN that only starts a shell does nothing at all: each RUN runs in a fresh process, the shell gets no input and exits, and later RUN instructions still use the default shell. The SHELL instruction changes only what RUN uses, and does so reliably.',
    remediation: 'Use `SHELL ["/bin/bash", "-c"]` (with `-o pipefail` as needed).',
    references: ['https://docs.docker.com/reference/dockerfile/#shell'],
    examples: { bad: ['FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -command\n'], good: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        const cmds = commandsOf(ctx.model, i);
        const bare = bareShell(ctx.model, i, cmds);
        if (bare) ctx.report({ at: bare.range, messageId: 'bareShell', args: [bare.name] });
        for (const c of cmds) {
          if (c.name !== 'ln') continue;
          const p = positionals(c);
          if (p.length >= 2 && p[p.length - 1]!.value === '/bin/sh') ctx.report({ at: c.range, messageId: 'ln', args: [] });
        }
      },
    },
  },
});
