/**
 * The CLI applies the engine's batch V8 settings (rules/src/engine/batch.ts) at start, before it
 * starts `--jobs` worker threads (V8 flags are per process, so the workers share them). The
 * benchmark's worker pool (scripts/bench/inproc.mjs) applies the same list from the API bundle.
 */
import { setFlagsFromString } from 'node:v8';
import { BATCH_V8_FLAGS } from '../../../rules/src/api';

/** A flag's name in one spelling (`--max_x=1` and `--max-x` both give `--max-x`). */
function flagName(arg: string): string {
  return arg.split('=')[0]!.replace(/_/g, '-');
}

/** The batch flags that neither the node command line nor NODE_OPTIONS sets (an explicit setting wins). */
export function batchV8Flags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = new Set([...execArgv, ...(nodeOptions ?? '').split(/\s+/)].filter((a) => a.startsWith('--')).map(flagName));
  return BATCH_V8_FLAGS.filter((f) => !given.has(flagName(f)));
}

/** Applies `batchV8Flags` of this process. */
export function applyBatchV8Flags(): void {
  for (const f of batchV8Flags(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString(f);
}
