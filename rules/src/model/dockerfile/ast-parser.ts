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
 */
import type { Dockerfile, Instruction } from 'dockerfile-ast';

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
    const node = original.call(this, dockerfile, instruction, start, instructionEnd, end);
    parser[LAST] = { dockerfile, instruction, start, instructionEnd, end, escapeChar: parser.escapeChar, node };
    return node;
  };
}
