/**
 * A single-pass replacement for dockerfile-ast's `Instruction.getRawArguments` (installed by
 * memoize-ast.ts). dockerfile-ast builds every argument value one character at a time and turns
 * each argument boundary into a position with a binary search over the document's line offsets
 * plus a validated `Range.create`. This scan follows the same state machine (line continuations,
 * comment lines inside continuations, escaped characters, an escape character at EOF), copies
 * runs of plain characters with one `substring`, and maps offsets to positions with a line cursor
 * that only moves a few lines per lookup. The result is deep-equal to the original (checked
 * against it by test/model/dockerfile/ast-fast.test.ts).
 */
import { Argument as ArgumentImport } from 'dockerfile-ast';
import { PositionCursor } from './ast-position';

/**
 * Read once: in an esbuild bundle an imported binding of a CommonJS package is a getter on an
 * interop object, and reading it per argument was a visible share of the scan.
 */
const Argument = ArgumentImport;
type Argument = ArgumentImport;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DOLLAR = 36;

/**
 * The arguments of `text.substring(from, to)` (the text after an instruction's keyword) as
 * dockerfile-ast's `getRawArguments` splits them. `lineOffsets` are the document's line starts.
 */
export function scanRawArguments(text: string, lineOffsets: readonly number[], from: number, to: number, escapeChar: string): Argument[] {
  const args: Argument[] = [];
  const cursor = new PositionCursor(text, lineOffsets);
  const esc = escapeChar.length === 1 ? escapeChar.charCodeAt(0) : -1;
  const n = to - from;
  // The value of the current argument: `head` plus the run text[runStart, runEnd) (absolute offsets).
  let head = '';
  let runStart = -1;
  let runEnd = -1;
  const append = (at: number): void => {
    if (at === runEnd) {
      runEnd++;
      return;
    }
    if (runStart !== -1) head += text.substring(runStart, runEnd);
    runStart = at;
    runEnd = at + 1;
  };
  const push = (startRel: number, endRel: number): void => {
    const value = runStart === -1 ? head : head + text.substring(runStart, runEnd);
    head = '';
    runStart = -1;
    runEnd = -1;
    const start = cursor.at(from + startRel);
    args.push(new Argument(value, { start, end: cursor.at(from + endRel) }));
  };

  // At the start of a continuation line (a `#` there starts a comment line).
  let lineStart = false;
  let comment = false;
  // Start of the current argument (relative), or -1.
  let found = -1;
  // Whitespace seen after a continuation, before the next non-whitespace.
  let spaceAfterContinuation = false;
  // Inside a continuation: after an escaped newline until the next non-whitespace character.
  let continuing = false;
  // Where the escape character that ends the current argument's text stands (relative), or -1.
  let marker = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(from + i);
    if (c === SPACE || c === TAB || c === CR || c === LF) {
      if (continuing) {
        if (c === CR || c === LF) {
          spaceAfterContinuation = false;
          if (comment) {
            comment = false;
            lineStart = true;
          }
        } else {
          spaceAfterContinuation = true;
        }
        continue;
      }
      if (found !== -1) {
        push(found, marker === -1 ? i : marker);
        marker = -1;
        found = -1;
      }
    } else if (c === esc) {
      const next = i + 1 < n ? text.charCodeAt(from + i + 1) : -1;
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < n; j++) {
          const d = text.charCodeAt(from + j);
          if (d === SPACE || d === TAB) continue;
          if (d === CR || d === LF) {
            // escape, blanks, end of line: a continuation (a CR always skips one more character)
            comment = false;
            continuing = true;
            lineStart = true;
            if (found !== -1) marker = i;
            i = d === CR ? j + 1 : j;
          } else {
            marker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR || next === LF) {
        comment = false;
        continuing = true;
        lineStart = true;
        if (found !== -1 && marker === -1) marker = i;
        i += next === CR ? 2 : 1;
      } else {
        if (spaceAfterContinuation && marker !== -1) {
          push(found, marker);
          found = -1;
        }
        marker = -1;
        spaceAfterContinuation = false;
        continuing = false;
        if (next === -1) break;
        // An escaped `$` keeps its escape character; any other escaped character stands alone.
        if (next === DOLLAR) append(from + i);
        append(from + i + 1);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && c === HASH) {
        comment = true;
      } else {
        if (spaceAfterContinuation && marker !== -1) {
          push(found, marker);
          found = -1;
        }
        spaceAfterContinuation = false;
        continuing = false;
        marker = -1;
        append(from + i);
        if (found === -1) found = i;
        // The characters up to the next blank or escape character take this same path (a `#`
        // only starts a comment at the start of a line): extend the run over them at once.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(from + j);
          if (d === SPACE || d === TAB || d === CR || d === LF || d === esc) break;
          j++;
        }
        runEnd = from + j;
        i = j - 1;
      }
      lineStart = false;
    }
  }
  if (found !== -1) push(found, marker === -1 ? n : marker);
  return args;
}
