/**
 * Cheaper versions of dockerfile-ast accessors that its constructors and the model call several
 * times per instruction (installed by memoize-ast.ts, compared with the originals by
 * test/model/dockerfile/ast-fast.test.ts):
 *
 * - `ModifiableInstruction.getArguments` copies the raw arguments and shifts one element off the
 *   front per flag on every call; the result after the flags is kept per instance instead (a
 *   copy is still handed out, callers may change it).
 * - `getArgumentsRange` and `getRawArgumentsContent` build the range of the first to the last
 *   argument with `Range.create`, which validates both positions; the positions come from an
 *   argument scan and are valid, so the range is built as a plain object.
 */
import type { Argument, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Position as Pos, PlainRange as Range } from './ast-position';

export type GetArgumentsFn = (this: Instruction) => Argument[];
export type GetFlagsFn = (this: ModifiableInstruction) => unknown[];
type RangeFn = (this: Instruction) => Range | null;
type ContentFn = (this: Instruction) => string | null;


const ARGS = Symbol('bulkhead.arguments');
const FLAGS_BUSY = Symbol('bulkhead.flagsBusy');
interface State {
  [ARGS]?: Argument[];
  [FLAGS_BUSY]?: boolean;
  flags?: unknown[];
}

/**
 * `getFlags` fills `this.flags` while it reads `this.getArguments()`, which in turn subtracts the
 * flags found so far (none yet). Calls made while the flags are being collected are marked so
 * they are not cached.
 */
export function markedGetFlags(original: GetFlagsFn): GetFlagsFn {
  return function getFlagsMarked(this: ModifiableInstruction): unknown[] {
    const state = this as unknown as State;
    if (state.flags !== undefined || state[FLAGS_BUSY] === true) return original.call(this);
    state[FLAGS_BUSY] = true;
    try {
      return original.call(this);
    } finally {
      state[FLAGS_BUSY] = false;
    }
  };
}

export function cachedModifiableArguments(original: GetArgumentsFn): GetArgumentsFn {
  return function modifiableArgumentsCached(this: Instruction): Argument[] {
    const state = this as unknown as State;
    let args = state[ARGS];
    if (args !== undefined) return args.slice();
    if (state[FLAGS_BUSY] === true) return original.call(this);
    // Collect the flags first (their scan calls back here, uncached), then subtract them once.
    (this as unknown as ModifiableInstruction).getFlags();
    args = original.call(this);
    state[ARGS] = args;
    return args.slice();
  };
}

export function plainArgumentsRange(original: RangeFn): RangeFn {
  return function argumentsRangePlain(this: Instruction): Range | null {
    const args = this.getArguments();
    if (args.length === 0) return null;
    const start = args[0]!.getRange().start;
    const end = args[args.length - 1]!.getRange().end;
    if (!isPosition(start) || !isPosition(end)) return original.call(this);
    return { start, end };
  };
}

interface ContentInternals {
  document: { getText(): string; offsetAt(p: Pos): number };
}

export function plainRawArgumentsContent(original: ContentFn): ContentFn {
  return function rawArgumentsContentPlain(this: Instruction): string | null {
    const args = this.getArguments();
    if (args.length === 0) return null;
    const start = args[0]!.getRange().start;
    const end = args[args.length - 1]!.getRange().end;
    const doc = (this as unknown as ContentInternals).document;
    if (!isPosition(start) || !isPosition(end) || doc === undefined) return original.call(this);
    return doc.getText().substring(doc.offsetAt(start), doc.offsetAt(end));
  };
}

/** What `Position.is` accepts: non-negative integer line and character. */
function isPosition(p: Pos | undefined): p is Pos {
  return p !== undefined && p !== null && Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0;
}
