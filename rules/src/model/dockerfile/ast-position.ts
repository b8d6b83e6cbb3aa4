/**
 * Offset → position with the same result as `FullTextDocument.positionAt` from
 * vscode-languageserver-textdocument (which dockerfile-ast uses): the line is the last line start
 * at or before the offset, the offset is clamped to the text, and an offset just after a line
 * break character within its line (the LF of a CRLF pair) moves back to the break. Lookups made
 * in text order start from the previous lookup's line and walk a few lines instead of bisecting
 * the whole line table; a far jump bisects.
 */
export interface Position {
  line: number;
  character: number;
}
/** A range as plain data (dockerfile-ast's `Range` without the validating constructor). */
export interface PlainRange {
  start: Position;
  end: Position;
}

const LF = 10;
const CR = 13;
/** Lines walked before a lookup falls back to bisection. */
const WALK = 8;

export class PositionCursor {
  private line = -1;

  constructor(
    private readonly text: string,
    private readonly lineOffsets: readonly number[],
  ) {}

  at(offset: number): Position {
    const text = this.text;
    const lo = this.lineOffsets;
    if (offset > text.length) offset = text.length;
    if (offset < 0) offset = 0;
    if (lo.length === 0) return { line: 0, character: offset };
    let line = this.line;
    let steps = 0;
    if (line >= 0) {
      while (line + 1 < lo.length && lo[line + 1]! <= offset && steps < WALK) {
        line++;
        steps++;
      }
      while (line > 0 && lo[line]! > offset && steps < WALK) {
        line--;
        steps++;
      }
    }
    if (line < 0 || steps === WALK) line = bisect(lo, offset);
    this.line = line;
    const lineStart = lo[line]!;
    let end = offset;
    while (end > lineStart) {
      const c = text.charCodeAt(end - 1);
      if (c !== CR && c !== LF) break;
      end--;
    }
    return { line, character: end - lineStart };
  }
}

/** The last line whose start is at or before `offset`. */
function bisect(lo: readonly number[], offset: number): number {
  let low = 0;
  let high = lo.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lo[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}
