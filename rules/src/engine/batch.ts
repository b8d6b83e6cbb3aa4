/**
 * V8 settings for linting many files in one process (the CLI, including its `--jobs` worker
 * threads). Data only, so the rules package stays free of Node APIs: the CLI applies them with
 * `v8.setFlagsFromString` before it starts workers, and the benchmark's worker pool applies the
 * same list, so it measures what `bulkhead lint --jobs` does.
 *
 * `--max-inlined-bytecode-size-cumulative=230` (V8's default 920): TurboFan inlines less into
 * each optimised function. The lint runs ~100 small rule hooks and two parsers, each optimised on
 * its own; with the default budget every hook pulls in the shell queries and model accessors it
 * calls, and optimising them is most of the CPU a fresh isolate spends warming up (on 2 worker
 * threads, 86 real-world Dockerfiles ×15 per pass, compiler threads took 200-450 ms of CPU in
 * the 2nd and 3rd pass). Measured on that corpus (2 worker threads, process CPU, median of the
 * 2nd-4th pass, interleaved runs at load ~10): 714-803 → 605-650 ms; all four passes 4.7-5.3 →
 * 4.0-4.2 s; one thread after 20 warm-up passes 485 → 472 ms (the code is no slower). 460 and
 * 115 did less well; a larger young generation (16 or 32 MB semi-spaces) did not help.
 */
export const BATCH_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=230'];
