/** V8 heap settings of the language server process (applied by server-boot.ts before anything loads). */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * Two V8 heap settings that can still change once V8 runs (both are read at each resize; the
 * sizes given on the command line are fixed at start). Measured on 1,000 open documents (bench
 * part (e)) and on a 3,000-line manifest edited 80 times:
 *
 * - The young generation keeps its initial 1 MB semi-spaces (`--semi-space-growth-factor=1`).
 *   V8 doubles them up to 16 MB when many objects survive a scavenge, which linting does (a model
 *   lives for the whole lint), and never gives the 32 MB back: peak RSS of the manifest session
 *   170 → 128 MB; per keystroke the same 15 ms of CPU.
 * - The old generation may grow to twice its live size before a full collection
 *   (`--heap-growing-percent=100`), V8's own limit on small devices; with gigabytes of RAM it
 *   allows up to four times, and after linting 1,000 documents the heap sat at 100 MB of which
 *   37 MB were live: peak RSS 163-165 → 135-140 MB, for ≈ 4 % more CPU (one more full collection
 *   of a ≈ 40 MB heap, ≈ 30 ms, during the 1,000 lints).
 *
 * Left alone when the process was started with explicit heap options.
 */
export function heapFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const options = [...execArgv, nodeOptions ?? ''].join(' ');
  const flags: string[] = [];
  if (!/semi[-_]space/.test(options)) flags.push('--semi-space-growth-factor=1');
  if (!/old[-_]space|heap[-_]growing|max[-_]heap/.test(options)) flags.push('--heap-growing-percent=100');
  return flags;
}

/** Semi-space size the young generation may grow to once documents are being edited (MB). */
export const EDITING_SEMI_SPACE_MB = 4;

/**
 * Lets the young generation grow to EDITING_SEMI_SPACE_MB, and no further, from the first lint of
 * an edited document on. Typing lints the same document again and again, and with 1 MB
 * semi-spaces each lint's model is copied by several scavenges and promoted: a 4 MB young
 * generation cut the 300-line Dockerfile's server CPU per keystroke by ≈ 25 % (garbage collection
 * was ≈ 35 % of it), 2 MB by ≈ 10 %. Opening documents (a workspace of 1,000, bench part (e)) keeps
 * 1 MB: 4 MB there raised peak RSS 140 → 151 MB, over the 150 MB target.
 *
 * V8 fixes the maximum semi-space size at start but reads the growth factor at each resize, so
 * the factor is 2 while the semi-spaces are smaller than the target and 1 from then on. Called
 * after every lint; a resize happens only in a scavenge, so one lint could overshoot by a doubling.
 * Does nothing when the process was started with explicit young-generation options.
 */
export function governYoungGeneration(edited: boolean): void {
  if (youngState === 'off' || (youngState === undefined && !edited)) return;
  if (youngState === undefined) {
    youngState = /semi[-_]space/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ')) ? 'off' : 'fixed';
    if (youngState === 'off') return;
  }
  let semiSpace = 0;
  for (const s of getHeapSpaceStatistics()) if (s.space_name === 'new_space') semiSpace = s.space_size / 2;
  const next = semiSpace < EDITING_SEMI_SPACE_MB * 1024 * 1024 ? 'growing' : 'fixed';
  if (next === youngState) return;
  youngState = next;
  setFlagsFromString(`--semi-space-growth-factor=${next === 'growing' ? 2 : 1}`);
}
let youngState: 'growing' | 'fixed' | 'off' | undefined;
