/**
 * dockerfile-ast recomputes an instruction's argument list on every call of `getArguments`,
 * `getArgumentsRange`, `getRawArgumentsContent`, `getFlags`, `getHeredocs`… (each one re-scans the
 * instruction text and re-creates every Argument and Range). Its own parser calls these several
 * times per instruction, and the model calls them again, so that scan was most of the parse time
 * (profile: `getRawArguments` ≈ 46 % self time on ../shared/corpus/real-world/dockerfiles).
 *
 * An instruction never changes after parsing (document, range, keyword range and escape
 * character are fixed in its constructor), so the scan result is cached per instance. Callers
 * get a fresh copy of the array each time because `ModifiableInstruction.getArguments` shifts
 * the flags off the array it receives. Importing this module installs the cache once.
 */
import { Instruction } from 'dockerfile-ast';
import type { Argument } from 'dockerfile-ast';

type RawArgumentsFn = (this: Instruction) => Argument[];
interface Patchable {
  getRawArguments?: RawArgumentsFn;
  bulkheadMemoized?: boolean;
}

const proto = Instruction.prototype as unknown as Patchable;
const original = proto.getRawArguments;
/** The cache lives on the instance (a WeakMap with one entry per instruction made GC dominate on 100k-line files). */
const CACHE = Symbol('bulkhead.rawArguments');
type WithCache = Instruction & { [CACHE]?: Argument[] };
if (typeof original === 'function' && proto.bulkheadMemoized !== true) {
  proto.getRawArguments = function memoizedRawArguments(this: WithCache): Argument[] {
    let args = this[CACHE];
    if (args === undefined) {
      args = original.call(this);
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
