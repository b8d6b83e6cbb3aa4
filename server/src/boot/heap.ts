/** V8 heap settings of the language server process (applied by server-boot.ts before anything loads). */

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
