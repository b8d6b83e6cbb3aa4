/** Position helpers shared by every model: offsets ↔ LSP positions (0-based line and UTF-16 character). */
import type { Position, Range } from 'vscode-languageserver-types';

/** Line start offsets of a text, computed once per document. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only \n ends lines: indexOf finds them faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }
  /** Number of lines in the text. */
  get lineCount(): number {
    return this.starts.length;
  }
  /** Converts a character offset (clamped to the text) to a position. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    // Between the \r and \n of a CRLF is not a position of the line (parsers point there for
    // errors at a line end): map it to the end of the line's content.
    if (o > start && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) return { line: lo, character: o - 1 - start };
    return { line: lo, character: o - start };
  }
  /** Converts a position (clamped) to an offset. */
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, p.line)] ?? 0;
    const next = this.starts[p.line + 1] ?? this.text.length + 1;
    return Math.min(start + Math.max(0, p.character), next - 1, this.text.length);
  }
  /** Range between two offsets. */
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
  /** Text of one line without its terminator. */
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const next = this.starts[line + 1];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }
  /** The text covered by a range. */
  slice(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

/** A range covering a single position. */
export function emptyRange(p: Position): Range {
  return { start: p, end: p };
}
