/**
 * The text a RUN hands to the shell, rebuilt the way the Docker builder rebuilds it: the escape
 * character plus newline is removed (lines are joined without a separator), and blank or comment
 * lines inside a continuation are dropped. Heredoc bodies after the command line are kept
 * verbatim. Every character of the result remembers its offset in the document, so ranges found
 * by the shell parser map back exactly.
 */

/** A piece of shell source with, per UTF-16 unit, the document offset it came from. */
export interface MappedSource {
  text: string;
  map: Int32Array;
}

function isBlankOrComment(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i >= to || text.charCodeAt(i) === 35;
}

function lineEnd(text: string, from: number, limit: number): number {
  let i = from;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
  }
  return i;
}

function afterNewline(text: string, i: number): number {
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

/** True when `text[i]` (the escape character) has only blanks after it up to the line end. */
function isContinuation(text: string, i: number, limit: number): boolean {
  let j = i + 1;
  while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j >= limit || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
}

/**
 * Rebuilds the shell source of `text[start, end)` (the RUN arguments after its flags). With
 * `terminate`, a source spanning several lines gets a final newline (mapped to `end`) when it
 * lacks one, so that a heredoc terminator on the last line is recognised.
 */
export function shellSource(text: string, start: number, end: number, escape: string, terminate = false): MappedSource {
  // The source is a few runs of document text (continuations cut it): collect them, then copy.
  const runs: number[] = [];
  const esc = escape.charCodeAt(0);
  let runStart = start;
  let i = start;
  let multiline = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === esc && isContinuation(text, i, end)) {
      if (i > runStart) runs.push(runStart, i);
      i = lineEnd(text, i, end);
      if (i >= end) { runStart = i; break; }
      i = afterNewline(text, i);
      // Blank lines and comment lines inside a continuation are not part of the command.
      while (i < end) {
        const le = lineEnd(text, i, end);
        if (!isBlankOrComment(text, i, le) || le >= end) break;
        i = afterNewline(text, le);
      }
      runStart = i;
      continue;
    }
    if (c === 10 || c === 13) {
      // End of the command line: the rest (heredoc bodies and terminators) is taken verbatim.
      const nl = text.indexOf('\n', i);
      multiline = nl >= 0 && nl < end;
      i = end;
      break;
    }
    i++;
  }
  if (i > runStart) runs.push(runStart, Math.min(i, end));
  let length = 0;
  for (let r = 0; r < runs.length; r += 2) length += runs[r + 1]! - runs[r]!;
  let out = runs.length === 2 ? text.slice(runs[0], runs[1]) : '';
  if (runs.length > 2) for (let r = 0; r < runs.length; r += 2) out += text.slice(runs[r], runs[r + 1]);
  const newline = terminate && multiline && text.charCodeAt(runs[runs.length - 1]! - 1) !== 10;
  const map = new Int32Array(newline ? length + 1 : length);
  let k = 0;
  for (let r = 0; r < runs.length; r += 2) for (let j = runs[r]!; j < runs[r + 1]!; j++) map[k++] = j;
  if (newline) {
    out += '\n';
    map[k] = end;
  }
  return { text: out, map };
}

/** Sub-source of `src` between two of its indices (inclusive start, exclusive end). */
export function subSource(src: MappedSource, from: number, to: number): MappedSource {
  return { text: src.text.slice(from, to), map: src.map.subarray(from, to) };
}

/** A source whose every character maps to one document offset (used when exact mapping is impossible). */
export function pinnedSource(text: string, offset: number): MappedSource {
  return { text, map: new Int32Array(text.length).fill(offset) };
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
