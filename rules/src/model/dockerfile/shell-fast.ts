/**
 * A hand-written shell parser for the constructs RUN scripts use most: simple commands made of
 * words (unquoted text with backslash escapes, '…', "…", `$NAME`, `${NAME…}`, `$(…)`, simple
 * backquotes), prefix assignments, `export`/`declare`-style clauses, redirections, pipelines,
 * `&&`/`||` lists, `;`/`&`/newline separators, comments, `!`, `{ …; }`, `( … )`, `if`, `for … in`,
 * `while`, `until` and `case`.
 *
 * A recursive-descent grammar over the script's char codes. Whenever it meets anything else
 * (heredocs, functions, arithmetic, arrays, `$'…'`, unusual `${…}` forms, control characters, …)
 * or anything mvdan-sh would reject, it declines (returns undefined) and the caller falls back to
 * mvdan-sh, the full parser; two syntax errors common in templates and half-typed scripts it
 * reports itself, with mvdan-sh's exact message and position. The tree keeps only what the shell
 * model reads, in the order mvdan-sh's tree is walked. Positions are UTF-16 indices into the
 * script text.
 */

/** One part of a word, as mvdan-sh splits words: Lit, SglQuoted, DblQuoted, ParamExp or CmdSubst. */
export interface FastPart {
  kind: 'lit' | 'sgl' | 'dbl' | 'param' | 'subst';
  from: number;
  to: number;
  /** Parts inside double quotes (`lit`, `param` and `subst` only). */
  parts: FastPart[] | undefined;
  /** Statements of a command substitution. */
  stmts: FastStmt[] | undefined;
}

export interface FastWord {
  from: number;
  to: number;
  parts: FastPart[];
}

/** `NAME=value` (value undefined for `NAME=` and for a bare `NAME` in a declaration). */
export interface FastAssign {
  name: string;
  from: number;
  to: number;
  value: FastWord | undefined;
}

/**
 * A command. `call`: a simple command; for a declaration (`export A=1 B`, `decl` set), `words`
 * holds only the keyword and `assigns` its assignments and bare names, as mvdan-sh's DeclClause.
 * `list`: statements joined by `&&`/`||`. `pipe`: the members of one pipeline. `compound`: the
 * statements inside `{ }`, `( )`, `if`, `for` or `while`, in source order.
 */
export type FastCmd =
  | { type: 'call'; words: FastWord[]; assigns: FastAssign[]; decl: boolean }
  | { type: 'list'; stmts: FastStmt[] }
  | { type: 'pipe'; stmts: FastStmt[] }
  | { type: 'compound'; stmts: FastStmt[] };

/** A statement: a command and the target words of its redirections. */
export interface FastStmt {
  cmd: FastCmd;
  redirs: FastWord[];
}

export interface FastScript {
  stmts: FastStmt[];
  /**
   * The syntax error mvdan-sh reports for this script (same text: `line:column: message`), for
   * the few errors the fast parser recognises exactly; `stmts` is then empty.
   */
  error?: string;
}

/** Thrown inside the parser to decline; never escapes `parseFast`. */
class Decline extends Error {}
const DECLINE = new Decline('outside the fast subset');

/** Thrown inside the parser for a syntax error it reports as mvdan-sh does: at `at`, with mvdan-sh's message. */
class SyntaxFail {
  constructor(readonly at: number, readonly message: string) {}
}

/** mvdan-sh's position text for index `at` of `s`: 1-based line and 1-based column in UTF-8 bytes. */
function positionText(s: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let k = s.indexOf('\n'); k >= 0 && k < at; k = s.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  let col = 1;
  for (let k = lineStart; k < at; k++) {
    const c = s.charCodeAt(k);
    col += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return `${line}:${col}`;
}

/** Words that are keywords at command position (mvdan-sh parses them as compound commands). */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc', '{', '}', '[[', ']]', '!', 'let']);
const DECLARATIONS = new Set(['declare', 'local', 'export', 'readonly', 'typeset', 'nameref']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NONE: ReadonlySet<string> = new Set();
/** Operand text of `${…}`: plain characters, `$NAME` and `${NAME}`. */
const OPERAND = String.raw`(?:[^\s{}$'"\x60\\()<>;&|]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})*`;
const OPERATOR = String.raw`(?::?[-=?+]|%%?|##?|\/[/#%]?|\^\^?|,,?)`;
/** `${…}` bodies the fast parser accepts. */
const PARAM_BODY = new RegExp(String.raw`^(?:[#!]?[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*\[(?:[@*]|[0-9]+|[A-Za-z_][A-Za-z0-9_]*)\](?:${OPERATOR}${OPERAND})?|(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(?:${OPERATOR}${OPERAND}|:[0-9]+(?::[0-9]+)?)?)$`);

// Character classes of ASCII codes; the parser reads char codes (NaN past the end).
const BLANK = 1;
/** Ends an unquoted word. */
const ENDS = 2;
const NAME_START = 4;
const NAME_CHAR = 8;
const DIGIT = 16;
/** Needs a look in `word()`: quotes, `$`, backquote, `#`, backslash, `[`. */
const SPECIAL = 32;
/** Control characters other than tab and newline (carriage returns included): left to mvdan-sh. */
const CONTROL = 64;
const CLASS = new Uint8Array(128);
for (const c of ' \t') CLASS[c.charCodeAt(0)]! |= BLANK;
for (const c of ' \t\n;&|<>()') CLASS[c.charCodeAt(0)]! |= ENDS;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_') CLASS[c]! |= NAME_START | NAME_CHAR;
  if (ch >= '0' && ch <= '9') CLASS[c]! |= NAME_CHAR | DIGIT;
}
for (const c of '\'"$`#\\[') CLASS[c.charCodeAt(0)]! |= SPECIAL;
for (let c = 0; c < 128; c++) if ((c < 32 && c !== 9 && c !== 10) || c === 127) CLASS[c]! |= CONTROL | SPECIAL;

function isControl(c: number): boolean {
  return c < 128 && (CLASS[c]! & CONTROL) !== 0;
}
/** Declines when `s[from, to)` holds a control character (text the parser skips without reading: quotes, comments). */
function noControl(s: string, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 32 ? c !== 9 && c !== 10 : c === 127) throw DECLINE;
  }
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
/** True for codes that end an unquoted word (and for the end of the text). */
function endsWord(c: number): boolean {
  return c !== c || (c < 128 && (CLASS[c]! & ENDS) !== 0);
}
function isNameStart(c: number): boolean {
  return c < 128 && (CLASS[c]! & NAME_START) !== 0;
}
function isNameChar(c: number): boolean {
  return c < 128 && (CLASS[c]! & NAME_CHAR) !== 0;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Appends `more` to `to` (a spread push goes through an iterator). */
function append(to: FastStmt[], more: readonly FastStmt[]): void {
  for (let k = 0; k < more.length; k++) to.push(more[k]!);
}
function part(kind: FastPart['kind'], from: number, to: number): FastPart {
  return { kind, from, to, parts: undefined, stmts: undefined };
}

const STOP_BRACE: ReadonlySet<string> = new Set(['}']);
const STOP_THEN: ReadonlySet<string> = new Set(['then']);
const STOP_ELSE: ReadonlySet<string> = new Set(['elif', 'else', 'fi']);
const STOP_FI: ReadonlySet<string> = new Set(['fi']);
const STOP_DO: ReadonlySet<string> = new Set(['do']);
const STOP_DONE: ReadonlySet<string> = new Set(['done']);
const STOP_ESAC: ReadonlySet<string> = new Set(['esac']);

class FastParser {
  private i = 0;
  constructor(private readonly s: string) {}

  script(): FastScript {
    const stmts = this.list(NONE, false);
    if (this.i < this.s.length) throw DECLINE;
    return { stmts };
  }

  /** The index of the first non-blank at or after `j`. */
  private blanks(j: number): number {
    const s = this.s;
    let c = s.charCodeAt(j);
    while (c === 32 || c === 9) c = s.charCodeAt(++j);
    return j;
  }

  private skipBlanks(): void {
    this.i = this.blanks(this.i);
    if (this.s.charCodeAt(this.i) === 35) this.skipComment();
  }
  private skipComment(): void {
    const nl = this.s.indexOf('\n', this.i);
    const end = nl < 0 ? this.s.length : nl;
    noControl(this.s, this.i, end);
    this.i = end;
    // mvdan-sh continues a comment that ends in a backslash onto the next line.
    if (this.s.charCodeAt(this.i - 1) === 92) throw DECLINE;
  }
  private skipBlanksAndNewlines(): void {
    const s = this.s;
    let j = this.i;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10) j++;
      else if (c === 35) {
        this.i = j;
        this.skipComment();
        j = this.i;
      } else break;
    }
    this.i = j;
  }

  /** The plain word at the cursor if it is a keyword (no quotes or expansions), else undefined. */
  private keyword(): string | undefined {
    let j = this.i;
    while (isNameChar(this.s.charCodeAt(j))) j++;
    if (j === this.i) {
      const c = this.s.charCodeAt(j);
      if (c === 123 || c === 125 || c === 33) j++; // { } !
      else return undefined;
    }
    // Keywords are at most 8 characters long (`function`).
    if (j - this.i > 8 || !endsWord(this.s.charCodeAt(j))) return undefined;
    const w = this.s.slice(this.i, j);
    return RESERVED.has(w) ? w : undefined;
  }
  private expect(word: string): void {
    this.skipBlanksAndNewlines();
    if (this.keyword() !== word) throw DECLINE;
    this.i += word.length;
  }

  /**
   * Statements up to the end, a `)` (when `paren`), a `;;`/`;&` (when `caseItem`), or a keyword
   * in `stop` at command position. Empty lists are declined (mvdan-sh rejects them in compound
   * commands) except in case items.
   */
  private list(stop: ReadonlySet<string>, paren: boolean, caseItem = false): FastStmt[] {
    const stmts: FastStmt[] = [];
    for (;;) {
      this.skipBlanksAndNewlines();
      const c = this.s.charCodeAt(this.i);
      if (c !== c) break;
      if (c === 41) { if (paren) break; throw DECLINE; }
      if (c === 59 && caseItem && (this.s.charCodeAt(this.i + 1) === 59 || this.s.charCodeAt(this.i + 1) === 38)) break;
      if (stop !== NONE) {
        const k = this.keyword();
        if (k !== undefined && stop.has(k)) break;
      }
      stmts.push(this.andOr());
      this.skipBlanks();
      const d = this.s.charCodeAt(this.i);
      if (d === 59 || d === 38) {
        // `;;`, `;&` and `;;&` end case items.
        if (d === 59 && (this.s.charCodeAt(this.i + 1) === 59 || this.s.charCodeAt(this.i + 1) === 38)) {
          if (caseItem) break;
          throw DECLINE;
        }
        this.i++;
      } else if (d !== 10 && d === d && !(d === 41 && paren)) throw DECLINE;
    }
    if (stmts.length === 0 && stop !== NONE && !caseItem) throw DECLINE;
    return stmts;
  }

  private andOr(): FastStmt {
    const first = this.pipeline();
    let stmts: FastStmt[] | undefined;
    for (;;) {
      this.skipBlanks();
      const c = this.s.charCodeAt(this.i);
      if ((c !== 38 && c !== 124) || this.s.charCodeAt(this.i + 1) !== c) break;
      this.i += 2;
      this.skipBlanksAndNewlines();
      (stmts ??= [first]).push(this.pipeline());
    }
    return stmts === undefined ? first : { cmd: { type: 'list', stmts }, redirs: [] };
  }

  private pipeline(): FastStmt {
    if (this.s.charCodeAt(this.i) === 33 && this.keyword() === '!') {
      this.i++;
      if (!isBlank(this.s.charCodeAt(this.i))) throw DECLINE;
      this.skipBlanks();
    }
    const first = this.command();
    let stmts: FastStmt[] | undefined;
    for (;;) {
      this.skipBlanks();
      if (this.s.charCodeAt(this.i) !== 124 || this.s.charCodeAt(this.i + 1) === 124) break;
      this.i += this.s.charCodeAt(this.i + 1) === 38 ? 2 : 1;
      this.skipBlanksAndNewlines();
      (stmts ??= [first]).push(this.command());
    }
    return stmts === undefined ? first : { cmd: { type: 'pipe', stmts }, redirs: [] };
  }

  private command(): FastStmt {
    let stmts: FastStmt[];
    if (this.s.charCodeAt(this.i) === 40) {
      if (this.s.charCodeAt(this.i + 1) === 40) throw DECLINE; // arithmetic command
      this.i++;
      stmts = this.list(NONE, true);
      if (stmts.length === 0 || this.s.charCodeAt(this.i) !== 41) throw DECLINE;
      this.i++;
    } else {
      const k = this.keyword();
      if (k === undefined) return this.call();
      if (k === '{') {
        this.i++;
        stmts = this.list(STOP_BRACE, false);
        this.expect('}');
      } else if (k === 'if') {
        this.i += 2;
        stmts = this.ifBody();
      } else if (k === 'while' || k === 'until') {
        this.i += k.length;
        stmts = this.list(STOP_DO, false);
        this.expect('do');
        append(stmts, this.list(STOP_DONE, false));
        this.expect('done');
      } else if (k === 'for') {
        this.i += 3;
        stmts = this.forBody();
      } else if (k === 'case') {
        this.i += 4;
        stmts = this.caseBody();
      } else {
        throw DECLINE;
      }
    }
    if (!endsWord(this.s.charCodeAt(this.i))) throw DECLINE;
    const redirs: FastWord[] = [];
    for (;;) {
      this.skipBlanks();
      const target = this.redirect();
      if (!target) break;
      redirs.push(target);
    }
    return { cmd: { type: 'compound', stmts }, redirs };
  }

  private ifBody(): FastStmt[] {
    const stmts = this.list(STOP_THEN, false);
    this.expect('then');
    append(stmts, this.list(STOP_ELSE, false));
    this.skipBlanksAndNewlines();
    const k = this.keyword();
    if (k === 'elif') {
      this.i += 4;
      append(stmts, this.ifBody());
      return stmts;
    }
    if (k === 'else') {
      this.i += 4;
      append(stmts, this.list(STOP_FI, false));
    }
    this.expect('fi');
    return stmts;
  }

  /** `for NAME [in WORDS]; do LIST done` (the words are not part of the model). */
  private forBody(): FastStmt[] {
    this.skipBlanks();
    const from = this.i;
    while (isNameChar(this.s.charCodeAt(this.i))) this.i++;
    if (this.i === from || !isNameStart(this.s.charCodeAt(from)) || !endsWord(this.s.charCodeAt(this.i))) throw DECLINE;
    this.skipBlanks();
    if (this.keyword() === 'in') {
      this.i += 2;
      for (;;) {
        this.skipBlanks();
        const c = this.s.charCodeAt(this.i);
        if (c === 59 || c === 10) break;
        if (endsWord(c)) throw DECLINE;
        this.glued(this.word());
      }
    }
    const c = this.s.charCodeAt(this.i);
    if (c !== 59 && c !== 10) throw DECLINE;
    this.i++;
    this.expect('do');
    const stmts = this.list(STOP_DONE, false);
    this.expect('done');
    return stmts;
  }

  /** `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac` (the word and patterns are not part of the model). */
  private caseBody(): FastStmt[] {
    this.skipBlanks();
    if (endsWord(this.s.charCodeAt(this.i))) throw DECLINE;
    this.glued(this.word());
    this.skipBlanksAndNewlines();
    if (this.keyword() !== 'in') throw DECLINE;
    this.i += 2;
    const stmts: FastStmt[] = [];
    for (;;) {
      this.skipBlanksAndNewlines();
      if (this.keyword() === 'esac') break;
      if (this.s.charCodeAt(this.i) === 40) this.i++;
      for (;;) {
        this.skipBlanks();
        if (endsWord(this.s.charCodeAt(this.i)) || this.keyword() !== undefined) throw DECLINE;
        const pattern = this.word();
        // (`2>` is a redirection token for mvdan-sh's lexer and `*(…)` an extended glob: a pattern
        // glued to `<`, `>`, `&` or `(` is left to it.)
        const after = this.s.charCodeAt(this.i);
        if (after === 60 || after === 62 || after === 38 || after === 40) throw DECLINE;
        this.i = this.blanks(this.i);
        const c = this.s.charCodeAt(this.i);
        if (c === 41) break;
        if (c !== 124) {
          // (A backslash may join lines, a comment ending in one continues, mvdan-sh skips a carriage
          // return as a blank: all left to mvdan-sh.)
          if (c === 92 || isControl(c)) throw DECLINE;
          if (c === 35) {
            const nl = this.s.indexOf('\n', this.i);
            const end = nl < 0 ? this.s.length : nl;
            noControl(this.s, this.i, end);
            if (this.s.charCodeAt(end - 1) === 92) throw DECLINE;
          }
          // mvdan-sh reports this at the next token, or at the pattern's last token when a newline or the end follows.
          throw new SyntaxFail(c !== c || c === 10 ? lastToken(this.s, pattern) : this.i, 'case patterns must be separated with |');
        }
        this.i++;
      }
      this.i++;
      append(stmts, this.list(STOP_ESAC, false, true));
      if (this.s.charCodeAt(this.i) !== 59) break;
      this.i += this.s.startsWith(';;&', this.i) ? 3 : 2;
    }
    this.expect('esac');
    return stmts;
  }

  /** A redirection at the cursor (after an optional fd number): returns its target word, or undefined. */
  private redirect(): FastWord | undefined {
    let j = this.i;
    while (isDigit(this.s.charCodeAt(j))) j++;
    const c = this.s.charCodeAt(j);
    const n = this.s.charCodeAt(j + 1);
    if (c === 38 && j === this.i && n === 62) j += this.s.charCodeAt(j + 2) === 62 ? 3 : 2;
    else if (c === 62) j += n === 62 || n === 38 || n === 124 ? 2 : 1;
    else if (c === 60) {
      if (n === 60) {
        if (this.s.charCodeAt(j + 2) !== 60) throw DECLINE; // heredoc
        j += 3;
      } else j += n === 38 || n === 62 ? 2 : 1;
    } else return undefined;
    if (this.s.charCodeAt(j) === 40) throw DECLINE; // process substitution
    this.i = j;
    this.i = this.blanks(this.i);
    if (endsWord(this.s.charCodeAt(this.i)) || this.s.charCodeAt(this.i) === 35) throw DECLINE; // missing target
    return this.glued(this.word());
  }

  private call(): FastStmt {
    const words: FastWord[] = [];
    const assigns: FastAssign[] = [];
    const redirs: FastWord[] = [];
    let decl = false;
    let first = true;
    for (;;) {
      this.i = this.blanks(this.i);
      const c = this.s.charCodeAt(this.i);
      if (c === 35 || c !== c || c === 10 || c === 59 || c === 124 || c === 41) break;
      if (c === 38 && this.s.charCodeAt(this.i + 1) !== 62) break;
      if (c === 40) {
        // `name (` starts a function declaration and `((` an arithmetic command for mvdan-sh: left to it.
        if (decl || this.s.charCodeAt(this.i + 1) === 40 || (words.length === 1 && assigns.length === 0 && redirs.length === 0)) throw DECLINE;
        throw new SyntaxFail(this.i, 'a command can only contain words and redirects; encountered (');
      }
      // Redirections start with a digit, `<`, `>` or `&`.
      const target = c === 60 || c === 62 || c === 38 || isDigit(c) ? this.redirect() : undefined;
      if (target) {
        if (decl) throw DECLINE; // mvdan-sh reads redirections inside declarations differently
        redirs.push(target);
        first = false;
        continue;
      }
      const w = this.glued(this.word());
      if (words.length > 0 && !decl) {
        words.push(w);
        first = false;
        continue;
      }
      const lead = w.parts[0]!;
      const leadRaw = lead.kind === 'lit' ? this.s.slice(lead.from, lead.to) : '';
      if (decl) {
        this.declArg(w, leadRaw, assigns);
      } else {
        const assign = this.assignment(w, leadRaw);
        if (assign) assigns.push(assign);
        else {
          // (`{`, `}` and `!` alone are keywords, found before; `{x`, `}}` or `!x` are plain words.)
          if (lead.kind === 'lit' && w.parts.length === 1 && RESERVED.has(leadRaw)) throw DECLINE;
          // `name[` at command position starts an array assignment for mvdan-sh; `[` alone is the test command.
          if (!(w.to === w.from + 1 && this.s.charCodeAt(w.from) === 91) && this.litIncludes(w, 91)) throw DECLINE;
          if (this.litIncludes(w, 61)) throw DECLINE;
          words.push(w);
          decl = w.parts.length === 1 && lead.kind === 'lit' && DECLARATIONS.has(leadRaw);
          if (decl && !first) throw DECLINE;
        }
      }
      first = false;
    }
    if (words.length === 0 && assigns.length === 0) throw DECLINE;
    return { cmd: { type: 'call', words, assigns, decl }, redirs };
  }

  /** Declines on a redirection glued to a word (`a>x`, `a2>x`, `a&>x`, `< 2>&1`): shells differ there. */
  private glued(w: FastWord): FastWord {
    const after = this.s.charCodeAt(w.to);
    if (after === 60 || after === 62 || after === 40 || (after === 38 && this.s.charCodeAt(w.to + 1) === 62)) throw DECLINE;
    return w;
  }

  /** True when the char code `ch` appears in the word's unquoted text (escaped or not). */
  private litIncludes(w: FastWord, ch: number): boolean {
    for (const p of w.parts) {
      if (p.kind !== 'lit') continue;
      for (let k = p.from; k < p.to; k++) if (this.s.charCodeAt(k) === ch) return true;
    }
    return false;
  }

  /** `NAME=value` at the start of a word, or undefined; declines on `NAME+=`, `NAME[…]=`. */
  private assignment(w: FastWord, leadRaw: string): FastAssign | undefined {
    if (leadRaw === '') return undefined;
    const c0 = leadRaw.charCodeAt(0);
    if (!isNameStart(c0)) return undefined;
    let k = 1;
    while (isNameChar(leadRaw.charCodeAt(k))) k++;
    const next = leadRaw.charCodeAt(k);
    if (next === 91 || (next === 43 && leadRaw.charCodeAt(k + 1) === 61)) throw DECLINE;
    if (next !== 61) return undefined;
    const lead = w.parts[0]!;
    const valueFrom = lead.from + k + 1;
    const rest: FastPart[] = valueFrom < lead.to ? [part('lit', valueFrom, lead.to)] : [];
    for (let p = 1; p < w.parts.length; p++) rest.push(w.parts[p]!);
    const value = rest.length > 0 ? { from: valueFrom, to: w.to, parts: rest } : undefined;
    return { name: leadRaw.slice(0, k), from: w.from, to: w.to, value };
  }

  /** An argument of `export`/`declare`/…: an assignment, a bare name, or an option (ignored). */
  private declArg(w: FastWord, leadRaw: string, assigns: FastAssign[]): void {
    const assign = this.assignment(w, leadRaw);
    if (assign) { assigns.push(assign); return; }
    // mvdan-sh rejects some expansions and quotes here ("invalid var name"): leave them to it.
    if (NAME.test(leadRaw) && w.parts.length === 1) assigns.push({ name: leadRaw, from: w.from, to: w.to, value: undefined });
    else if (!(w.parts.length === 1 && /^-[A-Za-z]+$/.test(leadRaw))) throw DECLINE;
  }

  private word(): FastWord {
    const s = this.s;
    const from = this.i;
    let i = from;
    // Most words are plain characters only: one Lit, in an array of one.
    let c0 = s.charCodeAt(i);
    while (c0 < 128 && (CLASS[c0]! & (SPECIAL | ENDS)) === 0) c0 = s.charCodeAt(++i);
    if (i > from && endsWord(c0)) {
      this.i = i;
      return { from, to: i, parts: [part('lit', from, i)] };
    }
    i = from;
    const parts: FastPart[] = [];
    let litFrom = -1;
    for (;;) {
      let c = s.charCodeAt(i);
      // Plain characters: no quote, expansion, escape, `#`, `[` or word end.
      const run = i;
      while (c < 128 && (CLASS[c]! & (SPECIAL | ENDS)) === 0) c = s.charCodeAt(++i);
      if (i > run && litFrom < 0) litFrom = run;
      if (c >= 128) {
        if (litFrom < 0) litFrom = i;
        i++;
        continue;
      }
      if (endsWord(c)) break;
      if (c === 39) {
        if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        const end = s.indexOf("'", i + 1);
        if (end < 0) throw DECLINE;
        noControl(s, i + 1, end);
        parts.push(part('sgl', i, end + 1));
        i = end + 1;
      } else if (c === 34) {
        if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        this.i = i;
        parts.push(this.dblQuoted());
        i = this.i;
      } else if (c === 36) {
        // A literal `$` is a Lit of its own in mvdan-sh (it matters for `sh -c` word detection).
        if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        this.i = i;
        const p = this.dollar(false);
        if (p) { parts.push(p); i = this.i; } else { litFrom = i; i++; }
      } else if (c === 96) {
        if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        parts.push(this.backquote(i));
        i = this.i;
      } else if (c === 35 && litFrom < 0 && parts.length > 0) {
        // (mvdan-sh reads `#` right after a quote or expansion as a comment.)
        throw DECLINE;
      } else if (c === 92) {
        const n = s.charCodeAt(i + 1);
        if (n !== n || n === 10 || isControl(n)) throw DECLINE;
        if (litFrom < 0) litFrom = i;
        i += 2;
      } else {
        if (isControl(c)) throw DECLINE;
        // mvdan-sh starts a new Lit at `[` (`a[0]` is Lit `a` + Lit `[0]`).
        if (c === 91 && litFrom >= 0 && litFrom < i && s.charCodeAt(i - 1) !== 91) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        if (litFrom < 0) litFrom = i;
        i++;
      }
    }
    if (litFrom >= 0) parts.push(part('lit', litFrom, i));
    this.i = i;
    if (parts.length === 0) throw DECLINE;
    return { from, to: i, parts };
  }

  private dblQuoted(): FastPart {
    const s = this.s;
    const from = this.i;
    let i = from + 1;
    const parts: FastPart[] = [];
    let litFrom = -1;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c !== c || isControl(c)) throw DECLINE;
      if (c === 34) break;
      if (c === 96) {
        if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
        parts.push(this.backquote(i));
        i = this.i;
        continue;
      }
      if (c === 36) {
        this.i = i;
        const p = this.dollar(true);
        if (p) {
          if (litFrom >= 0) { parts.push(part('lit', litFrom, i)); litFrom = -1; }
          i = p.to;
          parts.push(p);
          continue;
        }
      } else if (c === 92) {
        const n = s.charCodeAt(i + 1);
        if (n !== n || n === 10 || isControl(n)) throw DECLINE;
        if (litFrom < 0) litFrom = i;
        i += 2;
        continue;
      }
      if (litFrom < 0) litFrom = i;
      i++;
    }
    if (litFrom >= 0) parts.push(part('lit', litFrom, i));
    this.i = i + 1;
    return { kind: 'dbl', from, to: this.i, parts, stmts: undefined };
  }

  /**
   * A command substitution in backquotes at `from`, parsed in place. Declined when its text holds
   * a backslash (escapes have their own rules there) or a `#`, or does not parse on its own.
   */
  private backquote(from: number): FastPart {
    const close = this.s.indexOf('`', from + 1);
    if (close < 0) throw DECLINE;
    for (let k = from + 1; k < close; k++) {
      const c = this.s.charCodeAt(k);
      if (c === 92 || c === 35 || isControl(c)) throw DECLINE;
    }
    // A parser over the text up to the closing backquote, so the statements end there.
    const inner = new FastParser(this.s.slice(0, close));
    inner.i = from + 1;
    let stmts: FastStmt[];
    try {
      stmts = inner.list(NONE, false);
    } catch (e) {
      throw e instanceof SyntaxFail ? DECLINE : e;
    }
    if (inner.i !== close) throw DECLINE;
    this.i = close + 1;
    return { kind: 'subst', from, to: close + 1, parts: undefined, stmts };
  }

  /**
   * An expansion at `$`: `$NAME`, `$1`, `$@`…, `${…}` or `$(…)`; undefined when this `$` is a
   * literal character (followed by a blank, the end, or a closing quote). Declines on `$((`,
   * `$[`, `$'`, `$"` and anything else unusual.
   */
  private dollar(inDouble: boolean): FastPart | undefined {
    const s = this.s;
    const from = this.i;
    const n = s.charCodeAt(from + 1);
    if (n === 40) {
      if (s.charCodeAt(from + 2) === 40) throw DECLINE; // arithmetic
      this.i = from + 2;
      let stmts: FastStmt[];
      try {
        stmts = this.list(NONE, true);
      } catch (e) {
        // Checks on the enclosing word come after its parts are parsed, while mvdan-sh may fail
        // earlier in it (`x[0]$(…)`): errors inside substitutions are left to mvdan-sh.
        throw e instanceof SyntaxFail ? DECLINE : e;
      }
      if (s.charCodeAt(this.i) !== 41) throw DECLINE;
      this.i++;
      return { kind: 'subst', from, to: this.i, parts: undefined, stmts };
    }
    if (n === 123) {
      let depth = 1;
      let j = from + 2;
      for (; j < s.length && depth > 0; j++) {
        const c = s.charCodeAt(j);
        if (isControl(c)) throw DECLINE;
        if (c === 36 && s.charCodeAt(j + 1) === 123) { depth++; j++; } else if (c === 125) depth--;
      }
      if (depth > 0 || !PARAM_BODY.test(s.slice(from + 2, j - 1))) throw DECLINE;
      this.i = j;
    } else if (isNameStart(n)) {
      let j = from + 2;
      while (isNameChar(s.charCodeAt(j))) j++;
      this.i = j;
    } else if (isDigit(n) || n === 64 || n === 42 || n === 35 || n === 63 || n === 36 || n === 33 || n === 45) {
      this.i = from + 2;
    } else if (n !== n || n === 32 || n === 9 || n === 10 || (inDouble && n === 34)) {
      return undefined;
    } else {
      throw DECLINE;
    }
    return part('param', from, this.i);
  }
}

/** Where mvdan-sh's lexer read the last token of a word (its last part, or the end of a quote or expansion). */
function lastToken(s: string, w: FastWord): number {
  const p = w.parts[w.parts.length - 1]!;
  // Where mvdan-sh splits a run of unquoted text into Lits (`[`, a lone `$`) is not always where
  // the fast parser does (`x[0][[`): such runs are left to it.
  if (p.kind === 'lit' && w.parts.length > 1 && w.parts[w.parts.length - 2]!.kind === 'lit') throw DECLINE;
  if (p.kind === 'dbl' || p.kind === 'subst') return p.to - 1;
  // `${…}` ends with its `}` token; `$NAME` and `$1` with the name after the `$` token.
  if (p.kind === 'param') return s.charCodeAt(p.from + 1) === 123 ? p.to - 1 : p.from + 1;
  return p.from;
}

/** Parses `text` if it lies within the fast parser's language; undefined means "use the full parser". */
export function parseFast(text: string): FastScript | undefined {
  // (Carriage returns and other control characters are declined where the parser reads them.)
  try {
    return new FastParser(text).script();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    if (e instanceof SyntaxFail) return { stmts: [], error: `${positionText(text, e.at)}: ${e.message}` };
    throw e;
  }
}
