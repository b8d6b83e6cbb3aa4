/**
 * Splits a YAML stream into segments that can be parsed on their own: each segment starts at a
 * line where the lexer starts a document (`---`, the first directive before it, or the first
 * content after `...`), so it holds one document (or an empty one plus the next). Boundaries come
 * from the `yaml` lexer, never from scanning lines.
 *
 * `DocumentSplitter` keeps the last split and re-lexes only the segments an edit touched: a
 * document marker ends every scalar and collection (YAML 1.2: `c-forbidden`), so the lexer state
 * at a boundary line does not depend on what came before it.
 */
import { Lexer, CST } from 'yaml';

/** Zero-width control tokens of the `yaml` lexer (not part of the source). */
const DOCUMENT = '\u0002';
const FLOW_END = '\u0018';
const SCALAR = '\u001f';

/** Token types that carry no document content. */
const TRIVIA = new Set<string | null | undefined>(['space', 'newline', 'comment', 'byte-order-mark', 'doc-end']);

interface LexedBoundaries {
  /** Segment starts found in the lexed text (relative to it), the first being 0. */
  starts: number[];
  /** True when the text ends inside directives (the document they belong to is not in it). */
  openDirectives: boolean;
  /** True when the last segment holds content (a `---` or a node), not only comments. */
  endsWithContent: boolean;
  /** True when a token runs past the end of the stretch (an unclosed quote swallowed the next boundary). */
  overran: boolean;
}

/** Offset of the start of the line holding `at` (after the previous \n or \r). */
function lineStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/**
 * Lexes the stretch [from, to) of a text. The lexer sees the rest of the text too (it looks ahead
 * for closing quotes), as when lexing the whole text; boundaries are relative to `from`.
 */
function lexBoundaries(source: string, from = 0, to = source.length): LexedBoundaries {
  const text = from === 0 ? source : source.slice(from);
  const limit = to - from;
  const starts = [0];
  let offset = 0;
  let overran = false;
  let afterScalarMark = false;
  let hasContent = false;
  let inDirectives = false;
  let afterDocEnd = false;
  const boundary = (at: number): void => {
    if (at > (starts[starts.length - 1] ?? 0)) starts.push(at);
    hasContent = false;
  };
  for (const token of new Lexer().lex(text)) {
    if (token === DOCUMENT || token === FLOW_END) continue;
    const at = offset;
    if (at >= limit) break;
    if (token !== SCALAR) offset += token.length;
    if (offset > limit) overran = true;
    if (afterScalarMark) {
      // The source of a scalar: content, whatever it looks like (a plain `---` value is one).
      afterScalarMark = false;
      continue;
    }
    const type = token === SCALAR ? 'scalar' : CST.tokenType(token);
    if (type === 'scalar') afterScalarMark = true;
    if (type === 'newline') continue;
    if (type === 'directive-line') {
      if (!inDirectives && hasContent) boundary(lineStartOf(text, at));
      inDirectives = true;
      afterDocEnd = false;
      continue;
    }
    if (type === 'doc-start' && lineStartOf(text, at) === at) {
      if (!inDirectives && hasContent) boundary(at);
      inDirectives = false;
      afterDocEnd = false;
      hasContent = true;
      continue;
    }
    if (type === 'doc-end') afterDocEnd = true;
    if (TRIVIA.has(type)) continue;
    if (afterDocEnd && hasContent) boundary(lineStartOf(text, at));
    afterDocEnd = false;
    inDirectives = false;
    hasContent = true;
  }
  return { starts, openDirectives: inDirectives, endsWithContent: hasContent, overran };
}

/** Segment start offsets of a whole YAML text (the first is 0). */
export function splitDocuments(text: string): number[] {
  return lexBoundaries(text).starts;
}

/** Index of the last start ≤ offset (starts sorted, starts[0] = 0). */
function segmentAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** True when the boundary at `at` is a `---` or directive line (not content after `...`). */
function startsDocument(text: string, at: number): boolean {
  return text.startsWith('---', at) || text.charCodeAt(at) === 37; // '%'
}

/** Keeps the previous text and split of one document, and re-splits only around an edit. */
export class DocumentSplitter {
  private text: string | undefined;
  private starts: number[] = [0];
  /** Characters lexed by the last `update` (for tests and profiling). */
  lastLexed = 0;
  /**
   * What the last `update` replaced: old segments `from`..`to` (inclusive) became `count` new
   * ones and the text after them moved by `delta`; the others have the same text. Undefined after
   * a split of the whole text.
   */
  lastChange: { from: number; to: number; count: number; delta: number } | undefined;

  /** Segment starts of `text`, the first being 0. */
  update(text: string): number[] {
    const prev = this.text;
    if (prev === undefined) return this.full(text);
    if (prev === text) {
      this.lastLexed = 0;
      this.lastChange = { from: 0, to: -1, count: 0, delta: 0 };
      return this.starts;
    }
    const max = Math.min(prev.length, text.length);
    // Common prefix and suffix, skipping equal 512-character blocks with native comparisons.
    const BLOCK = 512;
    let p = 0;
    while (p + BLOCK <= max && prev.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
    while (p < max && prev.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s + BLOCK <= max - p && prev.slice(prev.length - s - BLOCK, prev.length - s) === text.slice(text.length - s - BLOCK, text.length - s)) s += BLOCK;
    while (s < max - p && prev.charCodeAt(prev.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    const delta = text.length - prev.length;
    // Re-lex from the segment holding the line before the edited line (its boundary line is
    // untouched) to the end of the segment holding the first unchanged character after the edit.
    const lineStart = prev.lastIndexOf('\n', p - 1) + 1;
    const a = segmentAt(this.starts, Math.max(0, lineStart - 1));
    let b = segmentAt(this.starts, Math.min(prev.length - s, Math.max(0, prev.length - 1)));
    // A boundary after `...` depends on the `...` before it: re-lex through to a `---` or directive line.
    while (b + 1 < this.starts.length && !startsDocument(prev, this.starts[b + 1] ?? 0)) b++;
    const from = this.starts[a] ?? 0;
    const nextOld = this.starts[b + 1];
    const to = nextOld === undefined ? text.length : nextOld + delta;
    const region = lexBoundaries(text, from, to);
    // The next boundary holds only after content, outside directives and when no token ran
    // over it; otherwise split it all.
    if (nextOld !== undefined && (region.openDirectives || !region.endsWithContent || region.overran)) return this.full(text);
    const starts = [...this.starts.slice(0, a), ...region.starts.map((o) => o + from), ...this.starts.slice(b + 1).map((o) => o + delta)];
    this.text = text;
    this.starts = starts;
    this.lastLexed = to - from;
    this.lastChange = { from: a, to: b, count: region.starts.length, delta };
    return starts;
  }

  private full(text: string): number[] {
    this.text = text;
    this.starts = splitDocuments(text);
    this.lastLexed = text.length;
    this.lastChange = undefined;
    return this.starts;
  }
}
