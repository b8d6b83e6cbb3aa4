/**
 * Checks shared by the package-manager rules (yes-switch, cache cleanup, version pins), so each
 * rule file is metadata plus a one-line hook. Semantics follow the hadolint specs: a cleanup must
 * come after the install in the same RUN, a cache/tmpfs mount on the cache directory counts, and
 * variables in package words are resolved from ARG/ENV in scope.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileContext } from '../../engine/rule';
import type { DockerfileModel, Instruction } from './parse';
import { commandsOf, type ShellCommand, type ShellWord } from './shell';
import { hasFlag, insertAfter, positionals } from './shell-query';
import { cacheMountTargets, installedPackages, type PackageManager } from './packages';
import { expandWord } from './scope';
import { isShipped } from './stages';
import { commandsNamed } from './command-names';

/** Commands of `pm` whose subcommand is in `subs` (default: the install subcommands). */
export function pmCommands(model: DockerfileModel, instr: Instruction, pm: PackageManager, subs: readonly string[] = pm.install): ShellCommand[] {
  return commandsNamed(model, instr, pm.names).filter((c) => subs.includes(positionals(c, pm.valueOpts)[0]?.value ?? ''));
}

/** True when `rm -r…` removes one of the directories matched by `dirs`. */
export function removesDir(c: ShellCommand, dirs: RegExp): boolean {
  return c.name === 'rm' && hasFlag(c, '-r', '-R', '--recursive') && c.args.some((a) => dirs.test(a.value));
}

/** Report range: the command word through the subcommand. */
export function headRange(model: DockerfileModel, c: ShellCommand, pm: PackageManager) {
  const sub = positionals(c, pm.valueOpts)[0];
  return model.lines.range(c.words[0]!.start, (sub ?? c.words[0]!).end);
}

type YesMessages = { noYes: (cmd: string) => string };

/** Reports installs of `pm` lacking any of `yes` flags; the fix inserts `fixFlag` after the subcommand. */
export function checkYes(i: Instruction, ctx: DockerfileContext<YesMessages>, pm: PackageManager, yes: readonly string[], fixFlag: string, subs: readonly string[] = pm.install): void {
  for (const c of pmCommands(ctx.model, i, pm, subs)) {
    if (hasFlag(c, ...yes)) continue;
    const sub = positionals(c, pm.valueOpts)[0]!;
    const fix: TextEdit | undefined = sub.exact ? insertAfter(ctx.model, sub, fixFlag) : undefined;
    ctx.report({ at: headRange(ctx.model, c, pm), messageId: 'noYes', args: [`${c.name} ${sub.value}`], ...(fix ? { fix: { title: `Add ${fixFlag}`, edits: [fix] } } : {}) });
  }
}

type CleanMessages = { noClean: (cmd: string) => string };

/** Reports installs of `pm` with no later cleanup in the same RUN and no cache mount on `cacheDirs`, in stages whose layers ship. */
export function checkClean(i: Instruction, ctx: DockerfileContext<CleanMessages>, pm: PackageManager, subs: readonly string[], isClean: (c: ShellCommand, install: ShellCommand) => boolean, cacheDirs: readonly string[], cleanText: string, append: (m: DockerfileModel, i: Instruction, t: string) => TextEdit | undefined): void {
  if (!isShipped(ctx.model, i) || cacheMountTargets(i).some((t) => cacheDirs.includes(t))) return;
  const cmds = commandsOf(ctx.model, i);
  for (const c of pmCommands(ctx.model, i, pm, subs)) {
    if (cmds.some((x) => x.start > c.start && isClean(x, c))) continue;
    const edit = append(ctx.model, i, cleanText);
    ctx.report({ at: headRange(ctx.model, c, pm), messageId: 'noClean', args: [`${c.name} ${positionals(c, pm.valueOpts)[0]?.value ?? ''}`], ...(edit ? { fix: { title: `Append ${cleanText}`, edits: [edit] } } : {}) });
    return;
  }
}

type PinMessages = { unpinned: (pkg: string) => string };

/** Reports each package word of `pm` installs that `pinned` rejects (variables resolved first). */
export function checkPins(i: Instruction, ctx: DockerfileContext<PinMessages>, pm: PackageManager, pinned: (pkg: string) => boolean, packagesOf: (c: ShellCommand) => ShellWord[] = (c) => installedPackages(c, pm), cmds?: ShellCommand[]): void {
  for (const c of cmds ?? pmCommands(ctx.model, i, pm)) {
    for (const p of packagesOf(c)) {
      const value = expandWord(ctx.model, i, p.value);
      if (!pinned(value)) ctx.report({ at: p.range, messageId: 'unpinned', args: [p.value] });
    }
  }
}

/** Package words of yum/dnf: after `install`, or after `module install` (module streams pin with `:`); group installs name groups. */
function rpmPackagesOf(c: ShellCommand, pm: PackageManager): ShellWord[] {
  const p = positionals(c, pm.valueOpts);
  if (p[0]?.value === 'module') return p[1]?.value !== 'install' ? [] : p.slice(2).map((w) => ({ ...w, value: w.value.includes(':') ? `${w.value}-0` : w.value }));
  if (p[0]?.value === 'group' || p[0]?.value === 'groupinstall') return [];
  return p.slice(1);
}

/** An RPM package word counts as pinned with a `-<digit>` version, or when it is a file, a path or a group. */
function rpmPinned(pkg: string): boolean {
  return /-\d/.test(pkg) || pkg.endsWith('.rpm') || pkg.startsWith('/') || pkg.startsWith('./') || pkg.startsWith('@');
}

/** checkPins for yum/dnf, including `module install` and `group` subcommands. */
export function checkRpmPins(i: Instruction, ctx: DockerfileContext<PinMessages>, pm: PackageManager): void {
  checkPins(i, ctx, pm, rpmPinned, (c) => rpmPackagesOf(c, pm), pmCommands(ctx.model, i, pm, [...pm.install, 'module', 'group']));
}
