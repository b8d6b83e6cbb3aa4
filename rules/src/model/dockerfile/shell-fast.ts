/**
 * A hand-written shell parser for the constructs RUN scripts use most: simple commands made of
 * words (unquoted text with backslash escapes, '…', "…", `$NAME`, `${NAME…}`, `$(…)`), prefix
 * assignments, `export`/`declare`-style clauses, redirections, pipelines, `&&`/`||` lists,
 * `;`/`&`/newline separators, comments, `!`, `{ …; }`, `( … )`, `if`, `for … in`, `while` and
 * `until`.
 *
 * A tokenizer plus a recursive-descent grammar over the script text. Whenever it meets anything
 * else (backticks, heredocs, `case`, functions, arithmetic, arrays, `$'…'`, unusual `${…}`
 * forms, …) or anything mvdan-sh would reject, it declines (returns undefined) and the caller
 * falls back to mvdan-sh, the full parser. The tree keeps only what the shell model reads, in
 * the order mvdan-sh's tree is walked. Positions are UTF-16 indices into the script text.
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
}

/** Thrown inside the parser to decline; never escapes `parseFast`. */
class Decline extends Error {}
const DECLINE = new Decline('outside the fast subset');

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

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}
/** Characters that end an unquoted word. */
function endsWord(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';
}
function isNameStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
}
function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || (c !== undefined && c >= '0' && c <= '9');
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

class FastParser {
  private i = 0;
  constructor(private readonly s: string) {}

  script(): FastScript {
    const stmts = this.list(NONE, false);
    if (this.i < this.s.length) throw DECLINE;
    return { stmts };
  }

  private skipBlanks(): void {
    while (isBlank(this.s[this.i])) this.i++;
    if (this.s[this.i] === '#') this.skipComment();
  }
  private skipComment(): void {
    while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    // mvdan-sh continues a comment that ends in a backslash onto the next line.
    if (this.s[this.i - 1] === '\\') throw DECLINE;
  }
  private skipBlanksAndNewlines(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\n') this.i++;
      else if (c === '#') this.skipComment();
      else return;
    }
  }

  /** The plain word at the cursor if it is a keyword (no quotes or expansions), else undefined. */
  private keyword(): string | undefined {
    let j = this.i;
    while (!endsWord(this.s[j]) && isNameChar(this.s[j])) j++;
    if (j === this.i && (this.s[j] === '{' || this.s[j] === '}' || this.s[j] === '!')) j++;
    if (j === this.i || !endsWord(this.s[j])) return undefined;
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
      const c = this.s[this.i];
      if (c === undefined) break;
      if (c === ')') { if (paren) break; throw DECLINE; }
      if (c === ';' && caseItem && (this.s[this.i + 1] === ';' || this.s[this.i + 1] === '&')) break;
      const k = this.keyword();
      if (k !== undefined && stop.has(k)) break;
      stmts.push(this.andOr());
      this.skipBlanks();
      const d = this.s[this.i];
      if (d === ';' || d === '&') {
        // `;;`, `;&` and `;;&` end case items.
        if (d === ';' && (this.s[this.i + 1] === ';' || this.s[this.i + 1] === '&')) {
          if (caseItem) break;
          throw DECLINE;
        }
        this.i++;
      } else if (d !== '\n' && d !== undefined && !(d === ')' && paren)) throw DECLINE;
    }
    if (stmts.length === 0 && stop !== NONE && !caseItem) throw DECLINE;
    return stmts;
  }

  private andOr(): FastStmt {
    const first = this.pipeline();
    const stmts = [first];
    for (;;) {
      this.skipBlanks();
      const c = this.s[this.i];
      if ((c !== '&' && c !== '|') || this.s[this.i + 1] !== c) break;
      this.i += 2;
      this.skipBlanksAndNewlines();
      stmts.push(this.pipeline());
    }
    return stmts.length === 1 ? first : { cmd: { type: 'list', stmts }, redirs: [] };
  }

  private pipeline(): FastStmt {
    if (this.keyword() === '!') {
      this.i++;
      if (!isBlank(this.s[this.i])) throw DECLINE;
      this.skipBlanks();
    }
    const first = this.command();
    const stmts = [first];
    for (;;) {
      this.skipBlanks();
      if (this.s[this.i] !== '|' || this.s[this.i + 1] === '|') break;
      this.i += this.s[this.i + 1] === '&' ? 2 : 1;
      this.skipBlanksAndNewlines();
      stmts.push(this.command());
    }
    return stmts.length === 1 ? first : { cmd: { type: 'pipe', stmts }, redirs: [] };
  }

  private command(): FastStmt {
    const k = this.keyword();
    let stmts: FastStmt[];
    if (this.s[this.i] === '(') {
      if (this.s[this.i + 1] === '(') throw DECLINE; // arithmetic command
      this.i++;
      stmts = this.list(NONE, true);
      if (stmts.length === 0 || this.s[this.i] !== ')') throw DECLINE;
      this.i++;
    } else if (k === '{') {
      this.i++;
      stmts = this.list(new Set(['}']), false);
      this.expect('}');
    } else if (k === 'if') {
      this.i += 2;
      stmts = this.ifBody();
    } else if (k === 'while' || k === 'until') {
      this.i += k.length;
      stmts = [...this.list(new Set(['do']), false)];
      this.expect('do');
      stmts.push(...this.list(new Set(['done']), false));
      this.expect('done');
    } else if (k === 'for') {
      this.i += 3;
      stmts = this.forBody();
    } else if (k === 'case') {
      this.i += 4;
      stmts = this.caseBody();
    } else if (k !== undefined) {
      throw DECLINE;
    } else {
      return this.call();
    }
    if (!endsWord(this.s[this.i])) throw DECLINE;
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
    const stmts = this.list(new Set(['then']), false);
    this.expect('then');
    stmts.push(...this.list(new Set(['elif', 'else', 'fi']), false));
    this.skipBlanksAndNewlines();
    const k = this.keyword();
    if (k === 'elif') {
      this.i += 4;
      stmts.push(...this.ifBody());
      return stmts;
    }
    if (k === 'else') {
      this.i += 4;
      stmts.push(...this.list(new Set(['fi']), false));
    }
    this.expect('fi');
    return stmts;
  }

  /** `for NAME [in WORDS]; do LIST done` (the words are not part of the model). */
  private forBody(): FastStmt[] {
    this.skipBlanks();
    const from = this.i;
    while (isNameChar(this.s[this.i])) this.i++;
    if (!NAME.test(this.s.slice(from, this.i)) || !endsWord(this.s[this.i])) throw DECLINE;
    this.skipBlanks();
    if (this.keyword() === 'in') {
      this.i += 2;
      for (;;) {
        this.skipBlanks();
        const c = this.s[this.i];
        if (c === ';' || c === '\n') break;
        if (endsWord(c)) throw DECLINE;
        this.glued(this.word());
      }
    }
    const c = this.s[this.i];
    if (c !== ';' && c !== '\n') throw DECLINE;
    this.i++;
    this.expect('do');
    const stmts = this.list(new Set(['done']), false);
    this.expect('done');
    return stmts;
  }

  /** `case WORD in [(]PATTERN[|PATTERN]…) LIST ;; … esac` (the word and patterns are not part of the model). */
  private caseBody(): FastStmt[] {
    this.skipBlanks();
    if (endsWord(this.s[this.i])) throw DECLINE;
    this.glued(this.word());
    this.skipBlanksAndNewlines();
    if (this.keyword() !== 'in') throw DECLINE;
    this.i += 2;
    const stmts: FastStmt[] = [];
    for (;;) {
      this.skipBlanksAndNewlines();
      if (this.keyword() === 'esac') break;
      if (this.s[this.i] === '(') this.i++;
      for (;;) {
        this.skipBlanks();
        if (endsWord(this.s[this.i]) || this.keyword() !== undefined) throw DECLINE;
        this.word();
        this.skipBlanks();
        if (this.s[this.i] !== '|') break;
        this.i++;
      }
      if (this.s[this.i] !== ')') throw DECLINE;
      this.i++;
      stmts.push(...this.list(new Set(['esac']), false, true));
      if (this.s[this.i] !== ';') break;
      this.i += this.s.startsWith(';;&', this.i) ? 3 : 2;
    }
    this.expect('esac');
    return stmts;
  }

  /** A redirection at the cursor (after an optional fd number): returns its target word, or undefined. */
  private redirect(): FastWord | undefined {
    const s = this.s;
    let j = this.i;
    while (isDigit(s[j])) j++;
    const c = s[j];
    if (c === '&' && j === this.i && s[j + 1] === '>') j += s[j + 2] === '>' ? 3 : 2;
    else if (c === '>') j += s[j + 1] === '>' || s[j + 1] === '&' || s[j + 1] === '|' ? 2 : 1;
    else if (c === '<') {
      if (s[j + 1] === '<') {
        if (s[j + 2] !== '<') throw DECLINE; // heredoc
        j += 3;
      } else j += s[j + 1] === '&' || s[j + 1] === '>' ? 2 : 1;
    } else return undefined;
    if (s[j] === '(') throw DECLINE; // process substitution
    this.i = j;
    while (isBlank(s[this.i])) this.i++;
    if (endsWord(s[this.i]) || s[this.i] === '#') throw DECLINE; // missing target
    return this.glued(this.word());
  }

  private call(): FastStmt {
    const words: FastWord[] = [];
    const assigns: FastAssign[] = [];
    const redirs: FastWord[] = [];
    let decl = false;
    let first = true;
    for (;;) {
      while (isBlank(this.s[this.i])) this.i++;
      const c = this.s[this.i];
      if (c === '#' || c === undefined || c === '\n' || c === ';' || c === '|' || c === ')') break;
      if (c === '&' && this.s[this.i + 1] !== '>') break;
      if (c === '(') throw DECLINE;
      const target = this.redirect();
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
      } else if (words.length === 0) {
        const assign = this.assignment(w, leadRaw);
        if (assign) assigns.push(assign);
        else {
          const raw = this.s.slice(w.from, w.to);
          if (lead.kind === 'lit' && (RESERVED.has(raw) || raw.startsWith('{') || raw.startsWith('}') || raw.startsWith('!'))) throw DECLINE;
          // `name[` at command position starts an array assignment for mvdan-sh; `[` alone is the test command.
          if (raw !== '[' && w.parts.some((p) => p.kind === 'lit' && this.s.slice(p.from, p.to).includes('['))) throw DECLINE;
          if (this.hasEquals(w)) throw DECLINE;
          words.push(w);
          decl = w.parts.length === 1 && lead.kind === 'lit' && DECLARATIONS.has(leadRaw);
          if (decl && !first) throw DECLINE;
        }
      } else words.push(w);
      first = false;
    }
    if (words.length === 0 && assigns.length === 0) throw DECLINE;
    return { cmd: { type: 'call', words, assigns, decl }, redirs };
  }

  /** Declines on a redirection glued to a word (`a>x`, `a2>x`, `a&>x`, `< 2>&1`): shells differ there. */
  private glued(w: FastWord): FastWord {
    const after = this.s[w.to];
    if (after === '<' || after === '>' || after === '(' || (after === '&' && this.s[w.to + 1] === '>')) throw DECLINE;
    return w;
  }

  /** True when an unescaped `=` appears in the word's unquoted text. */
  private hasEquals(w: FastWord): boolean {
    return w.parts.some((p) => p.kind === 'lit' && this.s.slice(p.from, p.to).includes('='));
  }

  /** `NAME=value` at the start of a word, or undefined; declines on `NAME+=`, `NAME[…]=`. */
  private assignment(w: FastWord, leadRaw: string): FastAssign | undefined {
    if (leadRaw === '') return undefined;
    let k = 0;
    while (isNameChar(leadRaw[k])) k++;
    const next = leadRaw[k];
    if (k === 0 || !isNameStart(leadRaw[0])) return undefined;
    if (next === '[' || (next === '+' && leadRaw[k + 1] === '=')) throw DECLINE;
    if (next !== '=') return undefined;
    const lead = w.parts[0]!;
    const valueFrom = lead.from + k + 1;
    const rest: FastPart[] = valueFrom < lead.to ? [{ kind: 'lit', from: valueFrom, to: lead.to, parts: undefined, stmts: undefined }] : [];
    rest.push(...w.parts.slice(1));
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
    const parts: FastPart[] = [];
    let litFrom = -1;
    const flush = (): void => {
      if (litFrom >= 0) parts.push({ kind: 'lit', from: litFrom, to: this.i, parts: undefined, stmts: undefined });
      litFrom = -1;
    };
    while (!endsWord(s[this.i])) {
      const c = s[this.i]!;
      if (c === "'") {
        flush();
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw DECLINE;
        parts.push({ kind: 'sgl', from: this.i, to: end + 1, parts: undefined, stmts: undefined });
        this.i = end + 1;
      } else if (c === '"') {
        flush();
        parts.push(this.dblQuoted());
      } else if (c === '$') {
        // A literal `$` is a Lit of its own in mvdan-sh (it matters for `sh -c` word detection).
        flush();
        const p = this.dollar(false);
        if (p) parts.push(p);
        else { litFrom = this.i; this.i++; }
      } else if (c === '`' || (c === '#' && litFrom < 0 && parts.length > 0)) {
        // (mvdan-sh reads `#` right after a quote or expansion as a comment.)
        throw DECLINE;
      } else if (c === '\\') {
        const n = s[this.i + 1];
        if (n === undefined || n === '\n') throw DECLINE;
        if (litFrom < 0) litFrom = this.i;
        this.i += 2;
      } else {
        // mvdan-sh starts a new Lit at `[` (`a[0]` is Lit `a` + Lit `[0]`).
        if (c === '[' && litFrom >= 0 && litFrom < this.i && s[this.i - 1] !== '[') flush();
        if (litFrom < 0) litFrom = this.i;
        this.i++;
      }
    }
    flush();
    if (parts.length === 0) throw DECLINE;
    return { from, to: this.i, parts };
  }

  private dblQuoted(): FastPart {
    const s = this.s;
    const from = this.i++;
    const parts: FastPart[] = [];
    let litFrom = -1;
    const flush = (): void => {
      if (litFrom >= 0) parts.push({ kind: 'lit', from: litFrom, to: this.i, parts: undefined, stmts: undefined });
      litFrom = -1;
    };
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '`') throw DECLINE;
      if (c === '"') break;
      if (c === '$') {
        const at = this.i;
        const p = this.dollar(true);
        if (p) {
          this.i = at;
          flush();
          this.i = p.to;
          parts.push(p);
          continue;
        }
      } else if (c === '\\') {
        const n = s[this.i + 1];
        if (n === undefined || n === '\n') throw DECLINE;
        if (litFrom < 0) litFrom = this.i;
        this.i += 2;
        continue;
      }
      if (litFrom < 0) litFrom = this.i;
      this.i++;
    }
    flush();
    this.i++;
    return { kind: 'dbl', from, to: this.i, parts, stmts: undefined };
  }

  /**
   * An expansion at `$`: `$NAME`, `$1`, `$@`…, `${…}` or `$(…)`; undefined when this `$` is a
   * literal character (followed by a blank, the end, or a closing quote). Declines on `$((`,
   * `$[`, `$'`, `$"` and anything else unusual.
   */
  private dollar(inDouble: boolean): FastPart | undefined {
    const s = this.s;
    const from = this.i;
    const n = s[from + 1];
    if (n === '(') {
      if (s[from + 2] === '(') throw DECLINE; // arithmetic
      this.i = from + 2;
      const stmts = this.list(NONE, true);
      if (s[this.i] !== ')') throw DECLINE;
      this.i++;
      return { kind: 'subst', from, to: this.i, parts: undefined, stmts };
    }
    if (n === '{') {
      let depth = 1;
      let j = from + 2;
      for (; j < s.length && depth > 0; j++) {
        if (s[j] === '$' && s[j + 1] === '{') { depth++; j++; } else if (s[j] === '}') depth--;
      }
      if (depth > 0 || !PARAM_BODY.test(s.slice(from + 2, j - 1))) throw DECLINE;
      this.i = j;
    } else if (isNameStart(n)) {
      let j = from + 2;
      while (isNameChar(s[j])) j++;
      this.i = j;
    } else if (isDigit(n) || (n !== undefined && '@*#?$!-'.includes(n))) {
      this.i = from + 2;
    } else if (n === undefined || n === ' ' || n === '\t' || n === '\n' || (inDouble && n === '"')) {
      return undefined;
    } else {
      throw DECLINE;
    }
    return { kind: 'param', from, to: this.i, parts: undefined, stmts: undefined };
  }
}

/** Parses `text` if it lies within the fast parser's language; undefined means "use the full parser". */
export function parseFast(text: string): FastScript | undefined {
  // Carriage returns and other control characters: left to the full parser.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) return undefined;
  try {
    return new FastParser(text).script();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
