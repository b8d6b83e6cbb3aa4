/**
 * The text a RUN hands to the shell, rebuilt the way the Docker builder rebuilds it: the escape
 * character plus newline is removed (lines are joined without a separator), and blank or comment
 * lines inside a continuation are dropped. Heredoc bodies after the command line are kept
 * verbatim. Every character of the result remembers its offset in the document, so ranges found
 * by the shell parser map back exactly.
 */

/**
 * A piece of shell source and where each of its UTF-16 units came from in the document. The text
 * is a few runs of document text (continuations cut it), so the map is kept per run: `runs` holds
 * pairs (index in `text`, document offset) in ascending order, each starting a run that maps 1:1.
 * A `pinned` source maps every unit to `runs[1]`.
 */
export interface MappedSource {
  text: string;
  runs: number[];
  pinned: boolean;
}

/**
 * The document offset of unit `i` of a source. Past the end (or before the start): one after the
 * offset of the last unit (0 for an empty source).
 */
export function docOffset(src: MappedSource, i: number): number {
  const runs = src.runs;
  const n = src.text.length;
  if (i < 0 || i >= n) {
    if (n === 0) return 0;
    i = n - 1;
    return (src.pinned ? runs[1]! : runs[runs.length - 1]! + (i - runs[runs.length - 2]!)) + 1;
  }
  if (src.pinned) return runs[1]!;
  // Lookups come mostly in source order: try the run of the previous lookup and the next one.
  if (src === lastSrc) {
    for (let r = lastRun; r < runs.length && r <= lastRun + 2; r += 2) {
      if (runs[r]! <= i && (r + 2 >= runs.length || runs[r + 2]! > i)) {
        lastRun = r;
        return runs[r + 1]! + (i - runs[r]!);
      }
    }
  }
  lastSrc = src;
  // Binary search for the last run starting at or before i.
  let lo = 0;
  let hi = (runs.length >> 1) - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid * 2]! <= i) lo = mid;
    else hi = mid - 1;
  }
  lastRun = lo * 2;
  return runs[lo * 2 + 1]! + (i - runs[lo * 2]!);
}
let lastSrc: MappedSource | undefined;
let lastRun = 0;

function isBlankOrComment(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i >= to || text.charCodeAt(i) === 35;
}

/**
 * Rebuilds the shell source of `text[start, end)` (the RUN arguments after its flags). With
 * `terminate`, a source spanning several lines gets a final newline (mapped to `end`) when it
 * lacks one, so that a heredoc terminator on the last line is recognised.
 */
export function shellSource(text: string, start: number, end: number, escape: string, terminate = false): MappedSource {
  const esc = escape.charCodeAt(0);
  /** Document runs [from, to) that make up the source, as pairs. */
  const spans: number[] = [];
  // Line ends are `\n`, `\r\n` or a lone `\r`; `cr` is the next `\r` (end when there is none).
  let cr = text.indexOf('\r', start);
  if (cr < 0 || cr > end) cr = end;
  const lineEnd = (from: number): number => {
    if (cr < from) {
      cr = text.indexOf('\r', from);
      if (cr < 0 || cr > end) cr = end;
    }
    const nl = text.indexOf('\n', from);
    return nl >= 0 && nl < cr ? nl : cr;
  };
  const afterNewline = (i: number): number => (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
  let multiline = false;
  let i = start;
  while (i < end) {
    const le = lineEnd(i);
    // A line continues when the escape character is its last non-blank character.
    let k = le;
    while (k > i && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
    if (k === i || text.charCodeAt(k - 1) !== esc) {
      // End of the command line: the rest (heredoc bodies and terminators) is taken verbatim.
      spans.push(i, end);
      if (le < end) {
        const nl = text.indexOf('\n', le);
        multiline = nl >= 0 && nl < end;
      }
      break;
    }
    if (k - 1 > i) spans.push(i, k - 1);
    if (le >= end) break;
    i = afterNewline(le);
    // Blank lines and comment lines inside a continuation are not part of the command.
    while (i < end) {
      const next = lineEnd(i);
      if (!isBlankOrComment(text, i, next) || next >= end) break;
      i = afterNewline(next);
    }
  }
  const runs: number[] = [];
  // The text is joined from pieces: join() gives a flat string, which the parsers read faster
  // than the chain a `+=` builds or a slice of the document.
  const pieces: string[] = [];
  let length = 0;
  for (let r = 0; r < spans.length; r += 2) {
    runs.push(length, spans[r]!);
    length += spans[r + 1]! - spans[r]!;
    pieces.push(text.slice(spans[r], spans[r + 1]));
  }
  if (terminate && multiline && text.charCodeAt(spans[spans.length - 1]! - 1) !== 10) {
    runs.push(length, end);
    pieces.push('\n');
  }
  if (pieces.length === 1) {
    // (join() hands a single piece back as it is.)
    const only = pieces[0]!;
    pieces[0] = only.slice(0, only.length >> 1);
    pieces.push(only.slice(only.length >> 1));
  }
  return { text: pieces.join(''), runs, pinned: false };
}

/** A source mapping `text` 1:1 to the document from `offset` on. */
export function linearSource(text: string, offset: number): MappedSource {
  return { text, runs: [0, offset], pinned: false };
}

/** Sub-source of `src` between two of its indices (inclusive start, exclusive end). */
export function subSource(src: MappedSource, from: number, to: number): MappedSource {
  const text = src.text.slice(from, to);
  if (src.pinned) return { text, runs: src.runs, pinned: true };
  const runs: number[] = [];
  const r = src.runs;
  for (let k = 0; k < r.length; k += 2) {
    const runFrom = r[k]!;
    const runTo = k + 2 < r.length ? r[k + 2]! : src.text.length;
    if (runTo <= from || runFrom >= to) continue;
    const at = Math.max(runFrom, from);
    runs.push(at - from, r[k + 1]! + (at - runFrom));
  }
  return { text, runs, pinned: false };
}

/** A source whose every character maps to one document offset (used when exact mapping is impossible). */
export function pinnedSource(text: string, offset: number): MappedSource {
  return { text, runs: [0, offset], pinned: true };
}

/**
 * Maps UTF-8 byte offsets (what mvdan-sh reports) to UTF-16 indices of `text`.
 * Returns undefined for pure ASCII text, where both are equal.
 */
export function byteToCharIndex(text: string): Int32Array | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) out.push(i);
    if (code >= 0x10000) i++;
  }
  out.push(text.length);
  return Int32Array.from(out);
}
