import { defineRule, type DockerfileContext } from '../engine/rule';
import type { Instruction } from '../model/dockerfile/parse';
import { commandsOf, type ShellCommand, type ShellWord } from '../model/dockerfile/shell';

/** True when an octal mode grants write to others, ignoring sticky-bit modes such as 1777 (/tmp). */
function octalWorldWritable(mode: string): boolean {
  if (!/^[0-7]{3,4}$/.test(mode)) return false;
  const full = mode.padStart(4, '0');
  if ((Number(full[0]) & 1) === 1) return false;
  return (Number(full[3]) & 2) === 2;
}

/** True when a symbolic mode (`a+w`, `o=rwx`, `ugo+rw`) grants write to others. */
function symbolicWorldWritable(mode: string): boolean {
  return mode.split(',').some((clause) => {
    const m = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    return /[oa]/.test(m[1]!) && m[3]!.includes('w') && !m[3]!.includes('t');
  });
}

function isWorldWritable(mode: string): boolean {
  return octalWorldWritable(mode) || symbolicWorldWritable(mode);
}

/** The mode word of `chmod MODE …`, `mkdir -m MODE …` or `install -m MODE …`. */
function modeWord(c: ShellCommand): ShellWord | undefined {
  if (c.name === 'chmod') return c.args.find((a) => !a.value.startsWith('-') || /^-[rwxXst]+$/.test(a.value));
  if (c.name === 'mkdir' || c.name === 'install') {
    const k = c.args.findIndex((a) => a.value === '-m' || a.value === '--mode');
    if (k >= 0) return c.args[k + 1];
    const joined = c.args.find((a) => a.value.startsWith('--mode='));
    return joined ? { ...joined, value: joined.value.slice('--mode='.length) } : undefined;
  }
  return undefined;
}

const messages = {
  writable: (cmd: string, mode: string) => `'${cmd} ${mode}' makes files writable by every user in the container.`,
};

function checkFlag(i: Instruction, ctx: DockerfileContext<typeof messages>): void {
  const f = i.flags.find((x) => x.name.toLowerCase() === 'chmod');
  if (f?.value && isWorldWritable(f.value)) ctx.report({ at: f.valueRange ?? f.range, messageId: 'writable', args: [`${i.keyword} --chmod`, f.value] });
}

export default defineRule({
  id: 'DF014',
  name: 'chmod-world-writable',
  target: 'dockerfile',
  category: 'privilege',
  severity: 'warning',
  title: 'Do not make files world-writable',
  fix: 'none',
  anchors: {},
  messages,
  docs: {
    summary: 'chmod, `mkdir -m` or `install -m` sets a mode that lets any user write (e.g. 777, 666, a+w, o=rwx).',
    rationale: 'World-writable files let any process in the container, including a compromised low-privilege one, replace binaries, scripts or configuration that a more privileged process later runs. No anchor tool checks modes; sticky-bit directory modes such as 1777 (the /tmp convention) are accepted.',
    remediation: 'Grant write access to the owning user or group only (e.g. 755/775 with the right owner via `COPY --chown` or chown).',
    references: ['https://cwe.mitre.org/data/definitions/732.html'],
    examples: { bad: ['FROM alpine:3.20\nRUN chmod 777 /app\n', 'FROM alpine:3.20\nRUN chmod -R a+w /srv\n'], good: ['FROM alpine:3.20\nRUN chmod 755 /app && chmod 1777 /scratch\n'] },
  },
  hooks: {
    onInstruction: {
      RUN(i, ctx) {
        for (const c of commandsOf(ctx.model, i)) {
          const mode = modeWord(c);
          if (mode && isWorldWritable(mode.value)) ctx.report({ at: mode.range, messageId: 'writable', args: [c.name, mode.value] });
        }
      },
      COPY(i, ctx) { checkFlag(i, ctx); },
      ADD(i, ctx) { checkFlag(i, ctx); },
    },
  },
});

