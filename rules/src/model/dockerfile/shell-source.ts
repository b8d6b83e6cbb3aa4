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
  map: number[];
}

function isBlankOrComment(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  return i >= to || text[i] === '#';
}

function lineEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function afterNewline(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** True when `text[i]` is the escape character and only blanks follow it up to the line end. */
function isContinuation(text: string, i: number, limit: number, escape: string): boolean {
  if (text[i] !== escape) return false;
  let j = i + 1;
  while (j < limit && (text[j] === ' ' || text[j] === '\t')) j++;
  return j >= limit || text[j] === '\n' || text[j] === '\r';
}

/** Rebuilds the shell source of `text[start, end)` (the RUN arguments after its flags). */
export function shellSource(text: string, start: number, end: number, escape: string): MappedSource {
  let out = '';
  const map: number[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (isContinuation(text, i, end, escape)) {
      i = lineEnd(text, i, end);
      if (i >= end) break;
      i = afterNewline(text, i);
      // Blank lines and comment lines inside a continuation are not part of the command.
      while (i < end) {
        const le = lineEnd(text, i, end);
        if (!isBlankOrComment(text, i, le) || le >= end) break;
        i = afterNewline(text, le);
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      // End of the command line: the rest (heredoc bodies and terminators) is taken verbatim.
      for (let j = i; j < end; j++) {
        out += text[j];
        map.push(j);
      }
      break;
    }
    out += c;
    map.push(i);
    i++;
  }
  return { text: out, map };
}

/** Sub-source of `src` between two of its indices (inclusive start, exclusive end). */
export function subSource(src: MappedSource, from: number, to: number): MappedSource {
  return { text: src.text.slice(from, to), map: src.map.slice(from, to) };
}

/** A source whose every character maps to one document offset (used when exact mapping is impossible). */
export function pinnedSource(text: string, offset: number): MappedSource {
  return { text, map: new Array<number>(text.length).fill(offset) };
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
