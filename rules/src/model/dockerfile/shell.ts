/**
 * The shell model: every RUN is parsed once per model into simple commands with their words,
 * prefix assignments, pipeline membership and exact document ranges. `sh -c '…'`, shells fed a
 * heredoc, command substitutions and wrappers such as `sudo`/`env` are followed, so rules judge
 * real arguments, never substrings.
 *
 * Two parsers build the same model: shell-fast.ts handles the common subset (simple commands,
 * quotes, `$VAR`, `&&`, `|`, redirections) about ten times faster, and declines anything else,
 * which mvdan-sh (a full POSIX/Bash parser, GopherJS) then parses. test/model/dockerfile checks
 * on every RUN of the corpora that both give deep-equal models. mvdan-sh's trees are kept in a
 * small cache keyed by script text, so editing one RUN does not re-parse the others.
 */
import type { ShParser } from 'mvdan-sh';
import { goType, goNode, goSlice, goPos, goEnd, goNum, type GoNode } from './go-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from './parse';
import { shellSource, subSource, pinnedSource, linearSource, docOffset, byteToCharIndex, type MappedSource } from './shell-source';
import { shellStateAt, type ShellState } from './shell-state';
import { unwrap } from './shell-wrappers';
import { parseFast, type FastCmd, type FastPart, type FastScript, type FastStmt, type FastWord } from './shell-fast';

/** A shell word: its value after quote removal, and where it is in the document. */
export interface ShellWord {
  value: string;
  /** False when the word contains expansions (`$X`, `$(…)`), whose raw text stands in `value`. */
  literal: boolean;
  /** Document offsets (end exclusive). */
  start: number;
  end: number;
  range: Range;
  /** True when document text maps 1:1 to the shell text, so edits at this word are exact. */
  exact: boolean;
}

/** A `NAME=value` prefix (`NAME=value cmd`) or an `export`/`declare` assignment. */
export interface ShellAssign {
  name: string;
  value: ShellWord | undefined;
  start: number;
  end: number;
  range: Range;
}

/** One simple command. */
export interface ShellCommand {
  /** Base name of the command word (`/usr/bin/apt-get` → `apt-get`). */
  name: string;
  /** All words, the command word first. */
  words: ShellWord[];
  /** Words after the command word. */
  args: ShellWord[];
  assigns: ShellAssign[];
  start: number;
  end: number;
  range: Range;
  /** Pipeline membership: id shared by the commands of one `a | b` pipeline, and the position in it. */
  pipeline: { id: number; index: number; length: number } | undefined;
  /** Wrappers this command was unwrapped from, outermost first (`sudo`, `env`, …). */
  wrappers: string[];
  /** 0 at the top level; higher inside `sh -c`, shell heredocs and command substitutions. */
  depth: number;
  /** Index of the top-level statement this command belongs to (`a && b; c` are 0, 0 and 1). */
  statement: number;
}

export type ScriptKind = 'shell' | 'exec' | 'unsupported';

/** The parsed script of one RUN. */
export interface ShellScript {
  kind: ScriptKind;
  /** Shell in effect (from SHELL instructions), e.g. `["/bin/sh", "-c"]`. */
  shell: ShellState;
  commands: ShellCommand[];
  /** Number of pipelines in the script. */
  pipelines: number;
  /** Document offset of the first `set -o pipefail` (or `set -…o pipefail`), if any. */
  pipefailSetAt: number | undefined;
  /** Parse error message, when the shell text could not be parsed. */
  error: string | undefined;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const MAX_DEPTH = 4;
/** mvdan-sh BinCmdOperator values: `|` and `|&`. */
const PIPE_OPS = new Set([12, 13]);

/**
 * One parser instance, reused: parsing is synchronous and the parser keeps no state between calls.
 * mvdan-sh is loaded on first use: loading the GopherJS module costs ~60 ms of CPU, and the fast
 * parser takes every script of most Dockerfiles (all of the real-world corpus).
 */
let sharedParser: ShParser | undefined;
function parser(): ShParser {
  if (!sharedParser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { syntax } = require('mvdan-sh') as typeof import('mvdan-sh');
    sharedParser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
  }
  return sharedParser;
}

/** Which parsers `scriptOf` uses: tests compare the fast path with mvdan-sh; benchmarks turn the cache off. */
export interface ShellParserOptions {
  /** Try the fast parser first (default true). */
  fast: boolean;
  /** Entries of the mvdan-sh parse cache keyed by script text; 0 turns it off (default 256). */
  cacheSize: number;
}
const options: ShellParserOptions = { fast: true, cacheSize: 256 };
/** Scripts parsed by each parser since start (for tests and profiling). */
export const shellParseStats = { fast: 0, full: 0, cached: 0 };
/** Scripts longer than this are not cached (their trees are large, edits to them rare). */
const CACHE_MAX_CHARS = 65536;
interface FullParse { file: GoNode | undefined; error: string | undefined }
const fullCache = new Map<string, FullParse>();
const fastCache = new Map<string, FastScript | null>();

/** Changes parser options; returns the previous ones. Changing the cache size empties the cache. */
export function setShellParserOptions(next: Partial<ShellParserOptions>): ShellParserOptions {
  const previous = { ...options };
  Object.assign(options, next);
  if (next.cacheSize !== undefined) {
    fullCache.clear();
    fastCache.clear();
  }
  return previous;
}

/** A parse of `text` from `cache` when the same text was parsed recently (least recently used goes first), else `parse(text)`. */
function cachedParse<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  // (With the cache off, no lookup: hashing the script text costs a pass over it.)
  if (options.cacheSize <= 0) return parse(text);
  const hit = cache.get(text);
  if (hit !== undefined) {
    shellParseStats.cached++;
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const r = parse(text);
  if (text.length <= CACHE_MAX_CHARS) {
    cache.set(text, r);
    if (cache.size > options.cacheSize) cache.delete(cache.keys().next().value as string);
  }
  return r;
}

/** mvdan-sh's tree for a script, from the cache when the same text was parsed recently. */
function parseFull(text: string): FullParse {
  return cachedParse(fullCache, text, (t) => {
    shellParseStats.full++;
    try {
      return { file: goNode(parser().Parse(t, '').__internal_object__), error: undefined };
    } catch (e) {
      return { file: undefined, error: errorText(e) };
    }
  });
}

/** The fast parser's tree for a script (null: it declines), cached like mvdan-sh's; its positions are relative to the script. */
function parseFastCached(text: string): FastScript | null {
  return cachedParse(fastCache, text, (t) => parseFast(t) ?? null);
}

function errorText(e: unknown): string {
  const o = e as { Error?: () => string; message?: string } | null;
  if (o && typeof o.Error === 'function') return o.Error();
  if (o && typeof o.message === 'string') return o.message;
  return String(e);
}

/** The document line of the last position computed (most positions fall on the line of the previous one). */
interface LineCache { line: number; start: number; next: number }

interface Walk {
  model: DockerfileModel;
  lines: LineCache;
  src: MappedSource;
  bytes: Int32Array | undefined;
  out: ShellScript;
  depth: number;
  exact: boolean;
  nextPipe: { n: number };
  statement: number;
}

/** A walk over another source (same model, output, pipeline counter and statement). */
function walkOf(w: Walk, src: MappedSource, bytes: Int32Array | undefined, depth: number, exact: boolean): Walk {
  return { model: w.model, lines: w.lines, src, bytes, out: w.out, depth, exact, nextPipe: w.nextPipe, statement: w.statement };
}

/** `model.lines.positionAt(o)`, answered from the line of the previous call when `o` is on it. */
function positionAt(w: Walk, o: number): Position {
  const c = w.lines;
  const text = w.model.text;
  if (o >= c.start && o < c.next && o <= text.length) {
    // (As LineIndex: between the \r and \n of a CRLF is the end of the line's content.)
    if (o > c.start && text.charCodeAt(o) === 10 && text.charCodeAt(o - 1) === 13) return { line: c.line, character: o - 1 - c.start };
    return { line: c.line, character: o - c.start };
  }
  const lines = w.model.lines;
  const p = lines.positionAt(o);
  c.line = p.line;
  c.start = lines.offsetAt({ line: p.line, character: 0 });
  c.next = p.line + 1 < lines.lineCount ? lines.offsetAt({ line: p.line + 1, character: 0 }) : text.length + 1;
  return p;
}
function rangeOf(w: Walk, start: number, end: number): Range {
  return { start: positionAt(w, start), end: positionAt(w, end) };
}

function charIndex(w: Walk, byte: number): number {
  return w.bytes ? (w.bytes[Math.min(byte, w.bytes.length - 1)] ?? w.src.text.length) : Math.min(byte, w.src.text.length);
}
function docAt(w: Walk, i: number): number {
  return docOffset(w.src, i);
}
function docStart(w: Walk, n: GoNode): number {
  return docAt(w, charIndex(w, goPos(n)));
}
function docEnd(w: Walk, n: GoNode): number {
  const i = charIndex(w, goEnd(n));
  return i <= 0 ? docAt(w, 0) : docAt(w, i - 1) + 1;
}
function srcSlice(w: Walk, n: GoNode): string {
  return w.src.text.slice(charIndex(w, goPos(n)), charIndex(w, goEnd(n)));
}

/**
 * The index of the first backslash at or after `from` in `text` (-1: none). Words are read in
 * source order, so the answer of the previous call usually holds: an indexOf per word would scan
 * to the end of the script each time.
 */
let bsText = '';
let bsFrom = 0;
let bsAt = -1;
function nextBackslash(text: string, from: number): number {
  if (text !== bsText || from < bsFrom || (bsAt >= 0 && bsAt < from)) {
    bsText = text;
    bsFrom = from;
    bsAt = text.indexOf('\\', from);
  }
  return bsAt;
}

/** The value of unquoted (or double-quoted) literal text `text[from, to)`: backslash escapes removed. */
function unescapeLit(text: string, from: number, to: number, inDouble: boolean): string {
  const first = nextBackslash(text, from);
  if (first < 0 || first >= to) return text.slice(from, to);
  let out = text.slice(from, first);
  for (let i = first; i < to; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= to) { out += c; continue; }
    const n = text[i + 1]!;
    if (n === '\n') { i++; continue; }
    if (!inDouble || n === '"' || n === '\\' || n === '$' || n === '`') { out += n; i++; continue; }
    out += c;
  }
  return out;
}

function partsValue(w: Walk, parts: GoNode[], inDouble: boolean): { value: string; literal: boolean } {
  let value = '';
  let literal = true;
  for (const p of parts) {
    const t = goType(p);
    if (t === 'Lit') {
      const raw = srcSlice(w, p);
      value += unescapeLit(raw, 0, raw.length, inDouble);
    }
    else if (t === 'SglQuoted') {
      const raw = srcSlice(w, p);
      value += raw.slice(raw.startsWith('$') ? 2 : 1, -1);
    } else if (t === 'DblQuoted') {
      const inner = partsValue(w, goSlice(p.Parts), true);
      value += inner.value;
      literal &&= inner.literal;
    } else {
      value += srcSlice(w, p);
      literal = false;
    }
  }
  return { value, literal };
}

function toWord(w: Walk, n: GoNode): ShellWord {
  const { value, literal } = partsValue(w, goSlice(n.Parts), false);
  const start = docStart(w, n);
  const end = docEnd(w, n);
  return { value, literal, start, end, range: rangeOf(w, start, end), exact: w.exact };
}

function baseName(v: string): string {
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}

/** Records a command (and the commands it wraps); returns its name. */
function recordCommand(w: Walk, words: ShellWord[], assigns: ShellAssign[], pipe: ShellCommand['pipeline'], wrappers: string[]): string {
  const first = words[0];
  const last = words[words.length - 1];
  const start = assigns[0]?.start ?? first?.start ?? 0;
  const end = last?.end ?? assigns[assigns.length - 1]?.end ?? start;
  const cmd: ShellCommand = {
    name: first ? baseName(first.value) : '',
    words, args: words.slice(1), assigns, start, end, range: rangeOf(w, start, end),
    pipeline: pipe, wrappers, depth: w.depth, statement: w.statement,
  };
  w.out.commands.push(cmd);
  if (cmd.name === 'set' && w.out.pipefailSetAt === undefined && enablesPipefail(cmd)) w.out.pipefailSetAt = start;
  const inner = unwrap(cmd);
  if (inner) recordCommand(w, inner.words, inner.assigns, pipe, [...wrappers, cmd.name]);
  return cmd.name;
}

function enablesPipefail(cmd: ShellCommand): boolean {
  return cmd.args.some((a, i) => a.value === 'pipefail' && /^-[a-zA-Z]*o$/.test(cmd.args[i - 1]?.value ?? ''));
}

function assignOf(w: Walk, a: GoNode): ShellAssign | undefined {
  const name = goNode(a.Name);
  if (!name) return undefined;
  const value = goNode(a.Value);
  const start = docStart(w, a);
  const end = docEnd(w, a);
  return { name: srcSlice(w, name), value: value ? toWord(w, value) : undefined, start, end, range: rangeOf(w, start, end) };
}

/** Commands inside `$(…)`, `<(…)` and backticks of a word are parsed as nested scripts. */
function walkWordSubsts(w: Walk, word: GoNode): void {
  for (const p of goSlice(word.Parts)) {
    const t = goType(p);
    if (t === 'CmdSubst' || t === 'ProcSubst') {
      const inner = walkOf(w, w.src, w.bytes, w.depth + 1, w.exact);
      for (const s of goSlice(p.Stmts)) walkStmt(inner, s, undefined);
    } else if (t === 'DblQuoted') walkWordSubsts(w, p);
  }
}

function walkCall(w: Walk, n: GoNode, pipe: ShellCommand['pipeline'], stmt: GoNode): void {
  const wordNodes = goSlice(n.Args);
  const words = wordNodes.map((x) => toWord(w, x));
  const assigns = goSlice(n.Assigns).map((a) => assignOf(w, a)).filter((a): a is ShellAssign => a !== undefined);
  for (const x of wordNodes) walkWordSubsts(w, x);
  for (const a of goSlice(n.Assigns)) { const v = goNode(a.Value); if (v) walkWordSubsts(w, v); }
  if (words.length === 0 && assigns.length === 0) return;
  const name = recordCommand(w, words, assigns, pipe, []);
  if (!SHELLS.has(name) || w.depth >= MAX_DEPTH) return;
  const c = words.findIndex((x, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(x.value));
  if (c > 0 && wordNodes[c + 1]) nestWord(w, wordNodes[c + 1]!);
  else if (c < 0) for (const r of goSlice(stmt.Redirs)) nestHeredoc(w, r, true);
}

/** Parses the script held in a word (`sh -c '…'`). */
function nestWord(w: Walk, word: GoNode): void {
  const parts = goSlice(word.Parts);
  const t = parts.length === 1 ? goType(parts[0]) : undefined;
  const value = partsValue(w, parts, false);
  const from = charIndex(w, goPos(word));
  const to = charIndex(w, goEnd(word));
  const raw = w.src.text.slice(from, to);
  if ((t === 'SglQuoted' && raw === `'${value.value}'`) || (t === 'DblQuoted' && raw === `"${value.value}"`)) parseInto(w, subSource(w.src, from + 1, to - 1), w.exact);
  else if (t === 'Lit' && raw === value.value) parseInto(w, subSource(w.src, from, to), w.exact);
  else if (value.literal) parseInto(w, pinnedSource(value.value, docAt(w, from)), false);
}

/** Parses a heredoc fed to a shell, or a heredoc that is the whole RUN. */
function nestHeredoc(w: Walk, r: GoNode, nested: boolean): void {
  const body = goNode(r.Hdoc);
  const parts = body ? goSlice(body.Parts) : [];
  const first = parts[0];
  const last = parts[parts.length - 1];
  const delim = goNode(r.Word);
  if (!first || !last || !delim) return;
  const from = charIndex(w, goPos(first));
  let to = charIndex(w, goEnd(last));
  // Depending on quoting, the body's last part may run over the terminator line: cut it off.
  const name = partsValue(w, goSlice(delim.Parts), false).value;
  const text = w.src.text.slice(from, to);
  const cut = text.search(new RegExp(`(^|\\n)\\t*${name.replace(/[^A-Za-z0-9_]/g, '\\$&')}$`));
  if (cut >= 0) to = from + cut + (text[cut] === '\n' ? 1 : 0);
  parseInto(w, subSource(w.src, from, to), w.exact, nested);
}

function walkStmt(w: Walk, stmt: GoNode, pipe: ShellCommand['pipeline']): void {
  const cmd = goNode(stmt.Cmd);
  if (!cmd) {
    if (w.depth < MAX_DEPTH) for (const r of goSlice(stmt.Redirs)) nestHeredoc(w, r, false);
    return;
  }
  for (const r of goSlice(stmt.Redirs)) { const word = goNode(r.Word); if (word) walkWordSubsts(w, word); }
  walkCommand(w, cmd, pipe, stmt);
}

function flattenPipe(n: GoNode, out: GoNode[]): void {
  for (const side of [goNode(n.X), goNode(n.Y)]) {
    if (!side) continue;
    const c = goNode(side.Cmd);
    if (c && goType(c) === 'BinaryCmd' && PIPE_OPS.has(goNum(c, 'Op'))) flattenPipe(c, out);
    else out.push(side);
  }
}

function walkCommand(w: Walk, cmd: GoNode, pipe: ShellCommand['pipeline'], stmt: GoNode): void {
  switch (goType(cmd)) {
    case 'CallExpr': walkCall(w, cmd, pipe, stmt); return;
    case 'BinaryCmd': {
      if (PIPE_OPS.has(goNum(cmd, 'Op'))) {
        const members: GoNode[] = [];
        flattenPipe(cmd, members);
        const id = w.nextPipe.n++;
        w.out.pipelines++;
        members.forEach((s, index) => walkStmt(w, s, { id, index, length: members.length }));
      } else {
        for (const s of [goNode(cmd.X), goNode(cmd.Y)]) if (s) walkStmt(w, s, pipe);
      }
      return;
    }
    case 'DeclClause': {
      const assigns = goSlice(cmd.Args).map((a) => assignOf(w, a)).filter((a): a is ShellAssign => a !== undefined && a.name !== '');
      const variant = goNode(cmd.Variant);
      if (!variant) return;
      const start = docStart(w, variant);
      const end = docEnd(w, variant);
      recordCommand(w, [{ value: srcSlice(w, variant), literal: true, start, end, range: rangeOf(w, start, end), exact: w.exact }], assigns, pipe, []);
      return;
    }
    default:
      for (const key of ['Stmts', 'Cond', 'Then', 'Do']) for (const s of goSlice(cmd[key])) walkStmt(w, s, pipe);
      for (const key of ['Body', 'Stmt']) { const s = goNode(cmd[key]); if (s) walkStmt(w, s, pipe); }
      { const e = goNode(cmd.Else); if (e) walkCommand(w, e, pipe, stmt); }
      for (const item of goSlice(cmd.Items)) for (const s of goSlice(item.Stmts)) walkStmt(w, s, pipe);
  }
}

function parseInto(w: Walk, src: MappedSource, exact: boolean, nested = true): void {
  const depth = nested ? w.depth + 1 : w.depth;
  const fast = options.fast ? parseFastCached(src.text) : undefined;
  if (fast) {
    shellParseStats.fast++;
    // (A syntax error the fast parser recognised: handled as mvdan-sh's error below.)
    if (fast.error !== undefined) {
      if (!nested && w.depth === 0) w.out.error = fast.error;
      return;
    }
    walkFast(walkOf(w, src, undefined, depth, exact), fast);
    return;
  }
  const { file, error } = parseFull(src.text);
  if (error !== undefined) {
    if (!nested && w.depth === 0) w.out.error = error;
    return;
  }
  if (!file) return;
  const inner = walkOf(w, src, byteToCharIndex(src.text), depth, exact);
  goSlice(file.Stmts).forEach((s, i) => {
    if (inner.depth === 0) inner.statement = i;
    walkStmt(inner, s, undefined);
  });
}

// The fast parser's tree (shell-fast.ts) walked into the same model, in the order walkStmt,
// walkCommand and walkCall visit mvdan-sh's tree. Positions are indices into w.src.text.

/** Set by fastText when the text it returns holds an expansion (the word is not literal). */
let nonLiteral = false;

/** The value of word parts (see partsValue); sets `nonLiteral` when they hold an expansion. */
function fastText(text: string, parts: readonly FastPart[], inDouble: boolean): string {
  let value = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    let v: string;
    if (p.kind === 'lit') v = unescapeLit(text, p.from, p.to, inDouble);
    else if (p.kind === 'sgl') v = text.slice(p.from + 1, p.to - 1);
    else if (p.kind === 'dbl') v = p.parts ? fastText(text, p.parts, true) : '';
    else {
      v = text.slice(p.from, p.to);
      nonLiteral = true;
    }
    value = k === 0 ? v : value + v;
  }
  return value;
}

function fastValue(w: Walk, parts: readonly FastPart[], inDouble: boolean): { value: string; literal: boolean } {
  nonLiteral = false;
  const value = fastText(w.src.text, parts, inDouble);
  return { value, literal: !nonLiteral };
}

function fastEnd(w: Walk, to: number): number {
  return to <= 0 ? docAt(w, 0) : docAt(w, to - 1) + 1;
}

function fastWord(w: Walk, n: FastWord): ShellWord {
  nonLiteral = false;
  const value = fastText(w.src.text, n.parts, false);
  const literal = !nonLiteral;
  const start = docAt(w, n.from);
  const end = fastEnd(w, n.to);
  return { value, literal, start, end, range: rangeOf(w, start, end), exact: w.exact };
}

/** As walkWordSubsts: commands inside `$(…)`, also within double quotes. */
function fastSubsts(w: Walk, parts: readonly FastPart[]): void {
  for (const p of parts) {
    if (p.kind === 'subst') {
      const inner = walkOf(w, w.src, w.bytes, w.depth + 1, w.exact);
      if (p.stmts) for (const s of p.stmts) walkFastStmt(inner, s, undefined);
    } else if (p.kind === 'dbl' && p.parts) fastSubsts(w, p.parts);
  }
}

function walkFastCall(w: Walk, c: Extract<FastCmd, { type: 'call' }>, pipe: ShellCommand['pipeline']): void {
  const words = c.words.map((x) => fastWord(w, x));
  const assigns = c.assigns.map((a): ShellAssign => {
    const start = docAt(w, a.from);
    const end = fastEnd(w, a.to);
    return { name: a.name, value: a.value ? fastWord(w, a.value) : undefined, start, end, range: rangeOf(w, start, end) };
  });
  if (c.decl) {
    // As the DeclClause case of walkCommand: no nested commands, no shell detection.
    recordCommand(w, words, assigns, pipe, []);
    return;
  }
  for (const x of c.words) fastSubsts(w, x.parts);
  for (const a of c.assigns) if (a.value) fastSubsts(w, a.value.parts);
  if (words.length === 0 && assigns.length === 0) return;
  const name = recordCommand(w, words, assigns, pipe, []);
  if (!SHELLS.has(name) || w.depth >= MAX_DEPTH) return;
  const ci = words.findIndex((x, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(x.value));
  const script = c.words[ci + 1];
  if (ci <= 0 || !script) return;
  // As nestWord: the script held in the word after `-c`.
  const t = script.parts.length === 1 ? script.parts[0]!.kind : undefined;
  const value = fastValue(w, script.parts, false);
  const raw = w.src.text.slice(script.from, script.to);
  if ((t === 'sgl' && raw === `'${value.value}'`) || (t === 'dbl' && raw === `"${value.value}"`)) parseInto(w, subSource(w.src, script.from + 1, script.to - 1), w.exact);
  else if (t === 'lit' && raw === value.value) parseInto(w, subSource(w.src, script.from, script.to), w.exact);
  else if (value.literal) parseInto(w, pinnedSource(value.value, docAt(w, script.from)), false);
}

function walkFastStmt(w: Walk, s: FastStmt, pipe: ShellCommand['pipeline']): void {
  for (const r of s.redirs) fastSubsts(w, r.parts);
  const c = s.cmd;
  if (c.type === 'call') walkFastCall(w, c, pipe);
  else if (c.type === 'pipe') {
    const id = w.nextPipe.n++;
    w.out.pipelines++;
    c.stmts.forEach((m, index) => walkFastStmt(w, m, { id, index, length: c.stmts.length }));
  } else for (const m of c.stmts) walkFastStmt(w, m, pipe);
}

function walkFast(w: Walk, script: FastScript): void {
  script.stmts.forEach((s, i) => {
    if (w.depth === 0) w.statement = i;
    walkFastStmt(w, s, undefined);
  });
}

export { shellStateAt };

function jsonWord(model: DockerfileModel, raw: { value: string; range: Range }): ShellWord {
  const start = model.lines.offsetAt(raw.range.start);
  const end = model.lines.offsetAt(raw.range.end);
  const text = model.text.slice(start, end);
  let value = text.replace(/^"|"$/g, '');
  try { const v: unknown = JSON.parse(text); if (typeof v === 'string') value = v; } catch { /* keep raw */ }
  // JSON strings are not shell words: edits made for shell words would corrupt them, so not exact.
  return { value, literal: true, start, end, range: raw.range, exact: false };
}

function buildScript(model: DockerfileModel, instr: Instruction): ShellScript {
  const shell = shellStateAt(model, instr);
  const out: ShellScript = { kind: 'shell', shell, commands: [], pipelines: 0, pipefailSetAt: undefined, error: undefined };
  const base = { model, lines: { line: -1, start: 0, next: -1 }, out, depth: 0, nextPipe: { n: 0 }, statement: 0, bytes: undefined };
  if (instr.json) {
    out.kind = 'exec';
    const words = instr.json.map((j) => jsonWord(model, j));
    if (words.length === 0) return out;
    const w: Walk = { ...base, src: linearSource('', 0), exact: true };
    recordCommand(w, words, [], undefined, []);
    const c = words.findIndex((x, i) => i > 0 && x.value === '-c');
    const script = words[c + 1];
    if (SHELLS.has(baseName(words[0]!.value)) && c > 0 && script) {
      const verbatim = model.text.slice(script.start, script.end) === JSON.stringify(script.value);
      const src = verbatim ? linearSource(script.value, script.start + 1) : pinnedSource(script.value, script.start);
      parseInto(w, src, verbatim, false);
    }
    return out;
  }
  if (!shell.posix) { out.kind = 'unsupported'; return out; }
  const firstArg = instr.args[0];
  if (!firstArg) return out;
  const end = model.lines.offsetAt(instr.range.end);
  // (A heredoc terminator on the last line needs a final newline to be recognised.)
  const src = shellSource(model.text, model.lines.offsetAt(firstArg.range.start), end, model.escapeChar, true);
  parseInto({ ...base, src, exact: true }, src, true, false);
  return out;
}

/** The parsed script of a RUN (computed once per model). Never throws. */
export function scriptOf(model: DockerfileModel, instr: Instruction): ShellScript {
  let cache = model.cache.get('shell') as Map<number, ShellScript> | undefined;
  if (!cache) { cache = new Map(); model.cache.set('shell', cache); }
  let s = cache.get(instr.index);
  if (!s) {
    try {
      s = buildScript(model, instr);
    } catch (e) {
      s = { kind: 'shell', shell: shellStateAt(model, instr), commands: [], pipelines: 0, pipefailSetAt: undefined, error: errorText(e) };
    }
    cache.set(instr.index, s);
  }
  return s;
}

/** The simple commands of a RUN, in source order of discovery. */
export function commandsOf(model: DockerfileModel, instr: Instruction): ShellCommand[] {
  return instr.keyword === 'RUN' ? scriptOf(model, instr).commands : [];
}
