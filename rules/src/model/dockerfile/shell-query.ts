/**
 * Questions rules ask about parsed shell commands (hadolint's presentCommands / cmdHasArgs
 * equivalents) and small edit builders for fixes. All judge real words, never substrings.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from './parse';
import { commandsOf, scriptOf, type ShellCommand, type ShellWord } from './shell';

/** Words before a `--` end-of-options marker. */
function optionWords(cmd: ShellCommand): ShellWord[] {
  const end = cmd.args.findIndex((a) => a.value === '--');
  return end < 0 ? cmd.args : cmd.args.slice(0, end);
}

/** True when `w` is one of `flags`: `--long`, `--long=value`, `-x`, or `x` inside a cluster like `-qy`. */
export function wordIsFlag(w: ShellWord, flags: readonly string[]): boolean {
  const v = w.value;
  // (Only flags without a leading `-` can match a word without one.)
  const dash = v.charCodeAt(0) === 45;
  for (const f of flags) {
    if (!dash && f.charCodeAt(0) === 45) continue;
    if (f.startsWith('--')) {
      if (v === f || v.startsWith(`${f}=`)) return true;
    } else if (f.startsWith('-') && f.length === 2) {
      if (v === f) return true;
      if (/^-[A-Za-z0-9]{2,}-?$/.test(v) && v.includes(f[1]!)) return true;
    } else if (v === f) return true;
  }
  return false;
}

/** The first word of `cmd` that is one of `flags`. */
export function findFlag(cmd: ShellCommand, ...flags: string[]): ShellWord | undefined {
  // (As optionWords(cmd).find(…), without the copy.)
  for (const w of cmd.args) {
    if (w.value === '--') return undefined;
    if (wordIsFlag(w, flags)) return w;
  }
  return undefined;
}

/** True when `cmd` has any of `flags`. */
export function hasFlag(cmd: ShellCommand, ...flags: string[]): boolean {
  return findFlag(cmd, ...flags) !== undefined;
}

/** The value of an option given as `--opt=value`, `--opt value` or `-o value`. */
export function flagValue(cmd: ShellCommand, ...flags: string[]): string | undefined {
  const words = optionWords(cmd);
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!.value;
    for (const f of flags) {
      if (v === f) return words[i + 1]?.value;
      if (f.startsWith('--') && v.startsWith(`${f}=`)) return v.slice(f.length + 1);
    }
  }
  return undefined;
}

/**
 * Positional arguments: words that are not options, skipping the values of options listed in
 * `valueOpts` (given separately, e.g. `-o Dpkg::Options=x`).
 */
export function positionals(cmd: ShellCommand, valueOpts: readonly string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i]!;
    if (afterDashDash) { out.push(w); continue; }
    if (w.value === '--') { afterDashDash = true; continue; }
    if (w.value.startsWith('-') && w.value !== '-') {
      if (valueOpts.includes(w.value)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** True when `cmd` is `name` and its first positional (the subcommand) is one of `subs`. */
export function isSubcommand(cmd: ShellCommand, names: readonly string[], subs: readonly string[], valueOpts: readonly string[] = []): boolean {
  if (!names.includes(cmd.name)) return false;
  const first = positionals(cmd, valueOpts)[0];
  return first !== undefined && subs.includes(first.value);
}

/** Every command of a RUN named one of `names`. */
export function findCommands(model: DockerfileModel, instr: Instruction, ...names: string[]): ShellCommand[] {
  return commandsOf(model, instr).filter((c) => names.includes(c.name));
}

/** Edit inserting ` text` right after the word (exact words only). */
export function insertAfter(model: DockerfileModel, w: ShellWord, text: string): TextEdit {
  const p = model.lines.positionAt(w.end);
  return { range: { start: p, end: p }, newText: ` ${text}` };
}

/** Edit deleting a word and the blanks after it on the same line (or before it, at a line end). */
export function deleteWord(model: DockerfileModel, w: ShellWord): TextEdit {
  const t = model.text;
  let start = w.start;
  let end = w.end;
  while (end < t.length && (t[end] === ' ' || t[end] === '\t')) end++;
  if (end === w.end || t[end] === '\n' || t[end] === '\r' || end >= t.length) {
    end = w.end;
    while (start > 0 && (t[start - 1] === ' ' || t[start - 1] === '\t')) start--;
  }
  return { range: model.lines.range(start, end), newText: '' };
}

/** Edit replacing a word's text. */
export function replaceWord(model: DockerfileModel, w: ShellWord, text: string): TextEdit {
  return { range: model.lines.range(w.start, w.end), newText: text };
}

/**
 * Edit appending ` && <text>` after the last command of a shell-form RUN, or undefined when that
 * cannot be done exactly (exec form, heredocs, parse errors, or the RUN ends in `)`, `fi`, a
 * redirect, …).
 */
export function appendCommand(model: DockerfileModel, instr: Instruction, text: string): TextEdit | undefined {
  const s = scriptOf(model, instr);
  if (s.kind !== 'shell' || s.error !== undefined || instr.heredocs.length > 0) return undefined;
  const top = s.commands.filter((c) => c.depth === 0 && c.wrappers.length === 0);
  if (top.length === 0 || top.some((c) => !(c.words[0]?.exact ?? false))) return undefined;
  const end = Math.max(...top.map((c) => c.end));
  const rest = model.text.slice(end, model.lines.offsetAt(instr.range.end));
  if (!/^[\s;]*$/.test(rest)) return undefined;
  const p = model.lines.positionAt(end);
  return { range: { start: p, end: p }, newText: ` && ${text}` };
}

/** Edit removing one flag: the whole word, or one letter of a short-flag cluster (`-fsSLk` → `-fsSL`). */
export function removeFlag(model: DockerfileModel, w: ShellWord, flags: readonly string[]): TextEdit | undefined {
  if (!w.exact) return undefined;
  if (flags.includes(w.value) || flags.some((f) => f.startsWith('--') && w.value.startsWith(`${f}=`))) return deleteWord(model, w);
  const letter = flags.find((f) => /^-[A-Za-z0-9]$/.test(f) && w.value.includes(f[1]!))?.[1];
  if (!letter || !/^-[A-Za-z0-9]{2,}$/.test(w.value)) return undefined;
  return replaceWord(model, w, w.value.replace(letter, ''));
}

/** What the hook of an unverified-package flag rule needs of its context. */
interface UnverifiedFlagContext {
  readonly model: DockerfileModel;
  report(d: { at: Range; messageId: 'flag'; args: [string, string]; fix?: { title: string; edits: TextEdit[] } }): void;
}

/**
 * The RUN hook of the rules that report a flag turning off package verification in some package
 * managers (`apk --allow-untrusted`, `rpm --nosignature`, …), each with a fix that removes the flag.
 */
export function unverifiedFlagHook(commands: readonly string[], flags: readonly string[]): (i: Instruction, ctx: UnverifiedFlagContext) => void {
  return (i, ctx) => {
    for (const c of commandsOf(ctx.model, i)) {
      if (!commands.includes(c.name)) continue;
      const w = findFlag(c, ...flags);
      if (!w) continue;
      const edit = removeFlag(ctx.model, w, flags);
      ctx.report({ at: w.range, messageId: 'flag', args: [c.name, w.value], ...(edit ? { fix: { title: `Remove ${w.value}`, edits: [edit] } } : {}) });
    }
  };
}
