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
 * `ModifiableInstruction.getArguments` shifts the flags off the array it receives. The parser
 * also stops building each instruction twice and finds the end of an instruction faster
 * (ast-parser.ts).
 *
 * Importing this module installs the patches once; nothing is installed if dockerfile-ast changed
 * shape (a method missing). test/model/dockerfile/ast-fast.test.ts compares every accessor with
 * the originals, which `withUnpatchedAst` puts back for the duration of a call.
 */
import { Comment, From, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { scanRawArguments } from './ast-raw-arguments';
import { fastCommentContent, type GetContentFn } from './ast-comment';
import { cachedModifiableArguments, markedGetFlags, plainArgumentsRange, plainRawArgumentsContent, type GetArgumentsFn, type GetFlagsFn } from './ast-instruction';
import { fastProcessArguments, fastProcessComment, reusingCreateInstruction, type CreateInstructionFn, type ProcessArgumentsFn, type ProcessCommentFn } from './ast-parser';
import type { Position as Pos, PlainRange as Range } from './ast-position';

type RawArgumentsFn = (this: Instruction) => Argument[];
type ImageRangeFn = (this: From) => Range | null;

/** The instance fields the fast scan reads (private or protected in dockerfile-ast's types). */
interface Internals {
  document: { getText(): string; offsetAt(p: Pos): number; getLineOffsets?: () => number[] };
  range: Range;
  instructionRange: Range;
  escapeChar: string;
}

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

function cachedRawArguments(original: RawArgumentsFn): RawArgumentsFn {
  return function memoizedRawArguments(this: WithCache): Argument[] {
    let args = this[CACHE];
    if (args === undefined) {
      args = fastRawArguments(this, original);
      this[CACHE] = args;
    }
    return args.slice();
  };
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

interface Patch {
  target: Record<string, unknown>;
  name: string;
  original: unknown;
  replacement: unknown;
}

/** The patches to install: each replaces `target[name]` (a dockerfile-ast prototype method). */
function plannedPatches(): Patch[] | undefined {
  const plan: [object, string, (original: never) => unknown][] = [
    [Instruction.prototype, 'getRawArguments', cachedRawArguments],
    [From.prototype, 'getImageRange', copiedImageRange],
    [Parser.prototype, 'createInstruction', (original: CreateInstructionFn) => reusingCreateInstruction(original)],
    [Parser.prototype, 'processArguments', (original: ProcessArgumentsFn) => fastProcessArguments(original)],
    [Parser.prototype, 'processComment', (original: ProcessCommentFn) => fastProcessComment(original)],
    [Comment.prototype, 'getContent', (original: GetContentFn) => fastCommentContent(original)],
    [ModifiableInstruction.prototype, 'getFlags', (original: GetFlagsFn) => markedGetFlags(original)],
    [ModifiableInstruction.prototype, 'getArguments', (original: GetArgumentsFn) => cachedModifiableArguments(original)],
    [Instruction.prototype, 'getArgumentsRange', plainArgumentsRange],
    [Instruction.prototype, 'getRawArgumentsContent', plainRawArgumentsContent],
  ];
  const patches: Patch[] = [];
  for (const [target, name, make] of plan) {
    const t = target as Record<string, unknown>;
    const original = t[name];
    if (typeof original !== 'function') return undefined;
    patches.push({ target: t, name, original, replacement: make(original as never) });
  }
  return patches;
}

const MARK = Symbol.for('bulkhead.astPatches');
type Marked = Record<symbol, Patch[] | undefined>;
const registry = Instruction.prototype as unknown as Marked;
if (registry[MARK] === undefined) {
  const patches = plannedPatches();
  if (patches !== undefined) {
    for (const p of patches) p.target[p.name] = p.replacement;
    registry[MARK] = patches;
  }
}

/** True when the patches are installed (they are skipped if dockerfile-ast changed shape). */
export function astMemoized(): boolean {
  return registry[MARK] !== undefined;
}

/** dockerfile-ast's own `getRawArguments`, or undefined when the patches are not installed. */
export function originalRawArguments(): RawArgumentsFn | undefined {
  const p = registry[MARK]?.find((x) => x.name === 'getRawArguments');
  return p === undefined ? undefined : (p.original as RawArgumentsFn);
}

/**
 * Runs `fn` with dockerfile-ast's own implementations back in place (for the differential test:
 * everything `fn` reads from an AST is computed by the unpatched library), then reinstalls ours.
 */
export function withUnpatchedAst<T>(fn: () => T): T {
  const patches = registry[MARK];
  if (patches === undefined) return fn();
  for (const p of patches) p.target[p.name] = p.original;
  try {
    return fn();
  } finally {
    for (const p of patches) p.target[p.name] = p.replacement;
  }
}
