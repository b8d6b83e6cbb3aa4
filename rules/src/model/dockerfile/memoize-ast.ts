/**
 * dockerfile-ast recomputes an instruction's argument list on every call of `getArguments`,
 * `getArgumentsRange`, `getRawArgumentsContent`, `getFlags`, `getHeredocs`… (each one re-scans the
 * instruction text and re-creates every Argument and Range). Its own parser calls these several
 * times per instruction, and the model calls them again, so that scan was most of the parse time
 * (profile: `getRawArguments` ≈ 46 % self time on ../shared/corpus/real-world/dockerfiles).
 *
 * An instruction never changes after parsing (document, range, keyword range and escape
 * character are fixed in its constructor), so the scan result is cached per instance, and the
 * scan itself is our single-pass version (ast-raw-arguments.ts) instead of dockerfile-ast's
 * character-by-character one. Callers get a fresh copy of the array each time because
 * `ModifiableInstruction.getArguments` shifts the flags off the array it receives. Importing this
 * module installs the patch once; it is skipped if dockerfile-ast changed shape.
 */
import { From, Instruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';
import { scanRawArguments } from './ast-raw-arguments';

type RawArgumentsFn = (this: Instruction) => Argument[];
interface Patchable {
  getRawArguments?: RawArgumentsFn;
  bulkheadMemoized?: boolean;
  bulkheadOriginals?: AstOriginals;
}

/** dockerfile-ast's own implementations, kept for the differential test. */
export interface AstOriginals {
  getRawArguments: RawArgumentsFn;
  getImageRange: ImageRangeFn;
}
type ImageRangeFn = (this: From) => Range | null;
interface Range {
  start: Pos;
  end: Pos;
}

interface Pos {
  line: number;
  character: number;
}
/** The instance fields the fast scan reads (private or protected in dockerfile-ast's types). */
interface Internals {
  document: { getText(): string; offsetAt(p: Pos): number; getLineOffsets?: () => number[] };
  range: { start: Pos; end: Pos };
  instructionRange: { start: Pos; end: Pos };
  escapeChar: string;
}

const proto = Instruction.prototype as unknown as Patchable;
const fromProto = From.prototype as unknown as { getImageRange?: ImageRangeFn };
/** The cache lives on the instance (a WeakMap with one entry per instruction made GC dominate on 100k-line files). */
const CACHE = Symbol('bulkhead.rawArguments');
type WithCache = Instruction & { [CACHE]?: Argument[] };

/**
 * Our scan when the instance has the expected shape: the keyword range starts where the
 * instruction does (always so for dockerfile-ast's parser and ONBUILD triggers), and the document
 * exposes its line offsets. Anything else goes to the original.
 */
function fastRawArguments(node: Instruction, original: RawArgumentsFn): Argument[] {
  const self = node as unknown as Internals;
  const doc = self.document;
  if (typeof doc.getLineOffsets !== 'function' || typeof self.escapeChar !== 'string') return original.call(node);
  const start = doc.offsetAt(self.range.start);
  const end = doc.offsetAt(self.range.end);
  const keywordStart = doc.offsetAt(self.instructionRange.start);
  const keywordEnd = doc.offsetAt(self.instructionRange.end);
  if (keywordStart !== start || keywordEnd < start || end < start) return original.call(node);
  if (keywordEnd >= end) return [];
  return scanRawArguments(doc.getText(), doc.getLineOffsets(), keywordEnd, end, self.escapeChar);
}

/**
 * `From.getImageNameRange` and `getRegistryRange` narrow the range `getImageRange` returns in
 * place. In dockerfile-ast that is the image argument's range of a fresh scan; with the cache it
 * would be the cached argument's, so every later reader (the language service's highlight, links
 * and semantic tokens share the tree) saw a shortened image. Hand out a copy instead.
 */
function copiedImageRange(original: ImageRangeFn): ImageRangeFn {
  return function imageRangeCopy(this: From): Range | null {
    const r = original.call(this);
    return r === null ? null : { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
  };
}

if (typeof proto.getRawArguments === 'function' && typeof fromProto.getImageRange === 'function' && proto.bulkheadMemoized !== true) {
  const original = proto.getRawArguments;
  proto.bulkheadOriginals = { getRawArguments: original, getImageRange: fromProto.getImageRange };
  fromProto.getImageRange = copiedImageRange(fromProto.getImageRange);
  proto.getRawArguments = function memoizedRawArguments(this: WithCache): Argument[] {
    let args = this[CACHE];
    if (args === undefined) {
      args = fastRawArguments(this, original);
      this[CACHE] = args;
    }
    return args.slice();
  };
  proto.bulkheadMemoized = true;
}

/** True when the argument cache is installed (it is skipped if dockerfile-ast changed shape). */
export function astMemoized(): boolean {
  return proto.bulkheadMemoized === true;
}

/** dockerfile-ast's unpatched methods, or undefined when the patch is not installed. */
export function astOriginals(): AstOriginals | undefined {
  return proto.bulkheadOriginals;
}

/**
 * Runs `fn` with dockerfile-ast's own implementations back in place (for the differential test:
 * everything `fn` reads from an AST is computed by the unpatched library), then reinstalls ours.
 */
export function withUnpatchedAst<T>(fn: () => T): T {
  const originals = proto.bulkheadOriginals;
  if (originals === undefined) return fn();
  const patched = proto.getRawArguments;
  const patchedImageRange = fromProto.getImageRange;
  proto.getRawArguments = originals.getRawArguments;
  fromProto.getImageRange = originals.getImageRange;
  try {
    return fn();
  } finally {
    proto.getRawArguments = patched;
    fromProto.getImageRange = patchedImageRange;
  }
}
