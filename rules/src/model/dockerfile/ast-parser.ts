/**
 * dockerfile-ast's parser builds most instructions twice: when it reaches the end of an
 * instruction's line it constructs the instruction once to look for heredocs (and throws it
 * away), then constructs it again with the same bounds to add it to the tree. The constructors
 * of RUN, CMD, COPY, ADD, ENTRYPOINT, SHELL and ARG scan the arguments eagerly, so the first copy
 * cost as much as the second.
 *
 * `reusingCreateInstruction` wraps the parser's `createInstruction`: when it is asked for an
 * instruction with exactly the bounds of the one it built last (same keyword text, start,
 * keyword end and end, same tree and escape character), it hands that one out again instead of
 * building a twin. An instruction's fields are fixed in its constructor and the heredoc lookup
 * only reads it (filling its caches), so the tree is the same; the reused instance is handed out
 * once, never added to the tree twice.
 *
 * When it does build one, and when the parser records a comment, the positions of the bounds
 * come from a line cursor that follows the parse (ast-position.ts) instead of a bisection per
 * position, and the ranges are plain objects (what `Range.create` returns for valid positions).
 */
import { Comment as CommentImport } from 'dockerfile-ast';
import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { Parser as ParserImport } from 'dockerfile-ast/lib/parser';
import { PositionCursor, type Position } from './ast-position';

// Read once (an esbuild bundle reads an imported binding of a CommonJS package through a getter).
const Comment = CommentImport;
const Parser = ParserImport;

interface Document {
  getText(): string;
  getLineOffsets?: () => number[];
}

const CURSOR = Symbol('bulkhead.parserCursor');
interface CursorState {
  document?: Document;
  [CURSOR]?: { document: Document; cursor: PositionCursor };
}

/** The parse's line cursor, or undefined when the document does not expose its line offsets. */
function cursorOf(parser: CursorState): PositionCursor | undefined {
  const document = parser.document;
  if (document === undefined || typeof document.getLineOffsets !== 'function') return undefined;
  let state = parser[CURSOR];
  if (state === undefined || state.document !== document) {
    state = { document, cursor: new PositionCursor(document.getText(), document.getLineOffsets()) };
    parser[CURSOR] = state;
  }
  return state.cursor;
}

/** `Parser.createInstruction` with positions from the cursor. */
function buildInstruction(parser: CursorState & { escapeChar?: unknown }, cursor: PositionCursor, dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number): Instruction {
  const startPosition: Position = cursor.at(start);
  const instructionRange = { start: startPosition, end: cursor.at(instructionEnd) };
  const lineRange = { start: startPosition, end: cursor.at(end) };
  return Parser.createInstruction(parser.document as never, dockerfile as never, parser.escapeChar as string, lineRange, instruction, instructionRange);
}

export type CreateInstructionFn = (this: unknown, dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number) => Instruction;

const LAST = Symbol('bulkhead.lastInstruction');

interface Built {
  dockerfile: Dockerfile;
  instruction: string;
  start: number;
  instructionEnd: number;
  end: number;
  escapeChar: unknown;
  node: Instruction;
}

interface ParserState {
  escapeChar?: unknown;
  [LAST]?: Built;
}

export function reusingCreateInstruction(original: CreateInstructionFn): CreateInstructionFn {
  return function createOrReuseInstruction(this: unknown, dockerfile, instruction, start, instructionEnd, end) {
    const parser = this as ParserState;
    const last = parser[LAST];
    if (
      last !== undefined &&
      last.start === start &&
      last.end === end &&
      last.instructionEnd === instructionEnd &&
      last.instruction === instruction &&
      last.dockerfile === dockerfile &&
      last.escapeChar === parser.escapeChar
    ) {
      parser[LAST] = undefined;
      return last.node;
    }
    const cursor = typeof parser.escapeChar === 'string' ? cursorOf(parser as CursorState) : undefined;
    const node = cursor === undefined ? original.call(this, dockerfile, instruction, start, instructionEnd, end) : buildInstruction(parser as CursorState, cursor, dockerfile, instruction, start, instructionEnd, end);
    parser[LAST] = { dockerfile, instruction, start, instructionEnd, end, escapeChar: parser.escapeChar, node };
    return node;
  };
}

export type ProcessArgumentsFn = (this: unknown, dockerfile: Dockerfile, instruction: string, instructionEnd: number, start: number, offset: number) => number;

interface ParserInternals {
  buffer: string;
  escapeChar: string;
  processComment(dockerfile: Dockerfile, start: number): number;
  processHeredocs(node: Instruction, offset: number): number;
  createInstruction(dockerfile: Dockerfile, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
}

const NEXT_LT = Symbol('bulkhead.nextLessThan');
interface LessThanCache {
  [NEXT_LT]?: { buffer: string; at: number; from: number };
}

/**
 * True when `buffer` has a `<` in [from, to). The parser asks for increasing ranges, so the
 * position of the next `<` is remembered: the whole parse searches the text about once instead of
 * once per instruction.
 */
function hasLessThan(cache: LessThanCache, buffer: string, from: number, to: number): boolean {
  let next = cache[NEXT_LT];
  if (next === undefined || next.buffer !== buffer || from < next.from || (next.at !== -1 && next.at < from)) {
    next = { buffer, at: buffer.indexOf('<', from), from };
    cache[NEXT_LT] = next;
  }
  return next.at !== -1 && next.at < to;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;

/**
 * The parser's search for the end of an instruction's arguments (the first newline that no
 * escape character continues), with the same steps as dockerfile-ast's `processArguments`:
 * a comment line inside a continuation is recorded as a comment, an escape followed by blanks
 * up to the end of the file ends the search at the end of the file. It reads character codes
 * and skips plain text in one loop instead of comparing one-character strings in a switch.
 */
export function fastProcessArguments(original: ProcessArgumentsFn): ProcessArgumentsFn {
  return function processArgumentsFast(this: unknown, dockerfile, instruction, instructionEnd, start, offset) {
    const parser = this as ParserInternals;
    const buffer = parser.buffer;
    const escapeChar = parser.escapeChar;
    if (typeof buffer !== 'string' || typeof escapeChar !== 'string' || escapeChar.length !== 1) return original.call(this, dockerfile, instruction, instructionEnd, start, offset);
    const esc = escapeChar.charCodeAt(0);
    const n = buffer.length;
    // After an escaped newline, until the next character that is not blank.
    let continued = false;
    for (let i = offset + 1; i < n; i++) {
      const c = buffer.charCodeAt(i);
      if (c === CR || c === LF) {
        if (continued) continue;
        // Every character of an argument's value comes from the instruction's text, so without a
        // `<` there no argument starts with `<<` and the heredoc probe would return `i` unchanged.
        if (!hasLessThan(parser as LessThanCache, buffer, instructionEnd, i)) return i;
        return parser.processHeredocs(parser.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
      }
      if (c === esc) {
        const next = i + 1 < n ? buffer.charCodeAt(i + 1) : -1;
        if (next === LF || next === CR) {
          continued = true;
          i++;
        } else if (next === SPACE || next === TAB) {
          let j = i + 2;
          while (j < n) {
            const d = buffer.charCodeAt(j);
            if (d !== SPACE && d !== TAB) break;
            j++;
          }
          // Only blanks up to the end of the file.
          if (j >= n) return n;
          const d = buffer.charCodeAt(j);
          if (d === CR || d === LF) continued = true;
          i = j;
        }
        continue;
      }
      if (c === HASH) {
        if (continued) i = parser.processComment(dockerfile, i);
        continue;
      }
      if (c === SPACE || c === TAB) continue;
      // Any other character ends a continuation; plain text up to the next newline or escape changes nothing.
      continued = false;
      let j = i + 1;
      while (j < n) {
        const d = buffer.charCodeAt(j);
        if (d === CR || d === LF || d === esc) break;
        j++;
      }
      i = j - 1;
    }
    return n;
  };
}

export type ProcessCommentFn = (this: unknown, dockerfile: Dockerfile, start: number) => number;

interface CommentTarget {
  addComment(comment: unknown): void;
}

/**
 * The parser's comment recorder: the comment runs from its `#` to the next line break or the end
 * of the text. Both ends are on one line, so the end's position is the start's plus the length.
 */
export function fastProcessComment(original: ProcessCommentFn): ProcessCommentFn {
  return function processCommentFast(this: unknown, dockerfile, start) {
    const parser = this as CursorState & { buffer?: string };
    const buffer = parser.buffer;
    const cursor = typeof buffer === 'string' ? cursorOf(parser) : undefined;
    if (cursor === undefined || typeof buffer !== 'string' || typeof (dockerfile as unknown as CommentTarget).addComment !== 'function') return original.call(this, dockerfile, start);
    const n = buffer.length;
    let end = n;
    for (let i = start + 1; i < n; i++) {
      const c = buffer.charCodeAt(i);
      if (c === CR || c === LF) {
        end = i;
        break;
      }
    }
    const from = cursor.at(start);
    const to = start >= n ? cursor.at(end) : { line: from.line, character: from.character + (end - start) };
    (dockerfile as unknown as CommentTarget).addComment(new Comment(parser.document as never, { start: from, end: to }));
    return end;
  };
}
