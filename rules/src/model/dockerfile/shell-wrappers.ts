/**
 * Commands that run another command (`sudo apt-get …`, `env A=1 npm …`, `nohup`, `time`,
 * `exec`, `command`, `nice`, `gosu user …`, `su-exec user …`): the inner command is recovered so
 * rules about `apt-get` also see `sudo apt-get`.
 */
import type { ShellAssign, ShellCommand, ShellWord } from './shell';

/**
 * Per wrapper, its options that take a separate value; `user` for wrappers whose first
 * positional is a user, not the command. (A Map: a command named `constructor` or `toString`
 * must not find Object.prototype's members.)
 */
const WRAPPERS = new Map<string, readonly string[] | 'user'>([
  ['sudo', ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '--user', '--group', '--host', '--prompt', '--chdir']],
  ['env', ['-u', '--unset', '-C', '--chdir', '-S', '--split-string']],
  ['nice', ['-n', '--adjustment']],
  ['time', ['-f', '--format', '-o', '--output']],
  ['exec', ['-a']],
  ['command', []],
  ['nohup', []],
  ['gosu', 'user'],
  ['su-exec', 'user'],
]);

/** The wrapped command, or undefined when `cmd` is not a wrapper or wraps nothing. */
export function unwrap(cmd: ShellCommand): { words: ShellWord[]; assigns: ShellAssign[] } | undefined {
  const opts = WRAPPERS.get(cmd.name);
  if (opts === undefined) return undefined;
  const assigns: ShellAssign[] = [];
  let i = 0;
  if (opts === 'user') i = 1;
  else {
    while (i < cmd.args.length) {
      const a = cmd.args[i]!.value;
      if (a === '--') { i++; break; }
      if (cmd.name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
        const w = cmd.args[i]!;
        const eq = a.indexOf('=');
        assigns.push({ name: a.slice(0, eq), value: { ...w, value: a.slice(eq + 1) }, start: w.start, end: w.end, range: w.range });
        i++;
        continue;
      }
      if (!a.startsWith('-') || a === '-') break;
      i += opts.includes(a) ? 2 : 1;
    }
  }
  const words = cmd.args.slice(i);
  return words.length > 0 ? { words, assigns } : undefined;
}
