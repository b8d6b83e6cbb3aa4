// In-process throughput of one pipeline over the replicated corpus:
//   node scripts/bench/inproc.mjs parse <dir>           dockerfile-ast + yaml only (the floor), one thread
//   node scripts/bench/inproc.mjs lint <dir> <api.cjs>  Bulkhead's lint() (parse, model, all rules, post-processing), one thread
//   node scripts/bench/inproc.mjs lint-workers <dir> <api.cjs> [threads]
//                                                       lint() of the Dockerfiles on every core (worker threads)
//   node scripts/bench/inproc.mjs dockerfilelint <dir>  dockerfilelint's JS API on the Dockerfiles, one thread
// Files are read into memory first; the timed part is the pipeline only. One warm-up pass,
// then the median of PASSES passes. The shell-parse cache (keyed by script text) is turned off:
// the corpus is the same 334 files 15 times, so it would hit on every copy after the first.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { emit, loadTree, timeMedian, median, REPO } from './common.mjs';

const require = createRequire(join(REPO, 'package.json'));
const [mode, dir, apiPath, threadArg] = isMainThread ? process.argv.slice(2) : workerData.argv;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const files = loadTree(dir);
const dockerfiles = files.filter((f) => f.kind === 'dockerfile');
const yamls = files.filter((f) => f.kind === 'yaml');
const sum = (fs) => fs.reduce((a, f) => a + f.bytes, 0);

/** Same options as rules/src/model/yaml/documents.ts, so the floor parses exactly as the model does. */
const YAML_OPTIONS = { keepSourceTokens: false, uniqueKeys: true, strict: false, prettyErrors: false };

function measure(name, set, fn) {
  const { ms, cpuMs } = timeMedian(() => {
    for (const f of set) fn(f);
  }, PASSES);
  return { name, files: set.length, bytes: sum(set), ms, cpuMs };
}

const parts = [];
if (mode === 'parse') {
  const { DockerfileParser } = require('dockerfile-ast');
  const { parseAllDocuments } = require('yaml');
  parts.push(measure('dockerfile', dockerfiles, (f) => DockerfileParser.parse(f.text)));
  parts.push(measure('yaml', yamls, (f) => parseAllDocuments(f.text, YAML_OPTIONS)));
} else if (mode === 'lint') {
  const api = require(apiPath);
  api.setShellParserOptions?.({ cacheSize: 0 });
  const stats = { findings: 0, skipped: 0, crashed: 0, kinds: {} };
  for (const f of files) {
    const r = api.lint({ path: f.path, text: f.text });
    stats.findings += r.findings.length;
    if (r.skipped) stats.skipped++;
    stats.crashed += r.crashedRules.length;
    stats.kinds[r.kind] = (stats.kinds[r.kind] ?? 0) + 1;
  }
  parts.push(measure('dockerfile', dockerfiles, (f) => api.lint({ path: f.path, text: f.text })));
  parts.push(measure('yaml', yamls, (f) => api.lint({ path: f.path, text: f.text })));
  parts.push({ name: 'stats', ...stats, rules: api.RULES.length });
} else if (mode === 'lint-workers' && !isMainThread) {
  lintWorker();
} else if (mode === 'lint-workers') {
  parts.push(await lintOnAllCores(Number(threadArg ?? availableParallelism())));
} else if (mode === 'dockerfilelint') {
  const dfl = require('dockerfilelint');
  let items = 0;
  for (const f of dockerfiles) items += dfl.run(dir, f.text).length;
  // The same call its CLI makes per file: run(<directory for .dockerfilelintrc>, <content>).
  parts.push(measure('dockerfile', dockerfiles, (f) => dfl.run(dir, f.text)));
  parts.push({ name: 'stats', findings: items });
} else {
  throw new Error(`unknown mode ${mode}`);
}
if (isMainThread) emit({ mode, parts });

/** CPU time (user + system) of the calling thread, in ms; Linux only (10 ms resolution), else undefined. */
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/**
 * The batch path on every core: `threads` worker threads each load the bundled API and all
 * Dockerfiles, then take files from a shared counter (so no thread idles while another has
 * work) and lint them. Per pass: wall time, the process's CPU time, and each worker thread's
 * own CPU time. One warm-up pass, then the median of PASSES. V8 runs with the CLI's batch flags.
 */
async function lintOnAllCores(threads) {
  // The CLI's batch V8 settings, applied as `bulkhead lint` does (server/src/cli/v8-flags.ts):
  // in the main thread before any worker starts, from the list the API bundle exports.
  for (const f of require(apiPath).BATCH_V8_FLAGS ?? []) setFlagsFromString(f);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = [];
  const replies = [];
  const waiters = [];
  for (let k = 0; k < threads; k++) {
    const w = new Worker(new URL(import.meta.url), { workerData: { argv: process.argv.slice(2), counter } });
    replies.push([]);
    w.on('message', (m) => {
      replies[k].push(m);
      waiters.splice(0).forEach((f) => f());
    });
    w.on('error', (e) => {
      console.error(e);
      process.exit(1);
    });
    workers.push(w);
  }
  const settled = async (n) => {
    while (replies.some((r) => r.length < n)) await new Promise((res) => waiters.push(res));
  };
  await settled(1); // files loaded
  const passes = [];
  for (let p = 0; p <= PASSES; p++) {
    Atomics.store(counter, 0, 0);
    const c = process.cpuUsage();
    const t = performance.now();
    for (const w of workers) w.postMessage('go');
    await settled(p + 2);
    const wall = performance.now() - t;
    const d = process.cpuUsage(c);
    const threadCpu = replies.map((r) => r[p + 1].cpuMs);
    const linted = replies.reduce((a, r) => a + r[p + 1].files, 0);
    if (p > 0) passes.push({ wall, cpu: (d.user + d.system) / 1000, threadCpu, linted });
  }
  for (const w of workers) await w.terminate();
  const files = replies[0][0].files;
  const maxThread = passes.map((x) => (x.threadCpu.every((v) => v !== undefined) ? Math.max(...x.threadCpu) : NaN));
  return {
    name: 'dockerfile-all-cores',
    threads,
    files,
    bytes: replies[0][0].bytes,
    ms: median(passes.map((x) => x.wall)),
    cpuMs: median(passes.map((x) => x.cpu)),
    maxThreadCpuMs: median(maxThread),
    lintedPerPass: passes[0].linted,
  };
}

/** Worker side of `lintOnAllCores`: lints Dockerfiles taken from the shared counter on each 'go'. */
function lintWorker() {
  const api = require(apiPath);
  api.setShellParserOptions?.({ cacheSize: 0 });
  const { counter } = workerData;
  parentPort.postMessage({ files: dockerfiles.length, bytes: sum(dockerfiles) });
  parentPort.on('message', () => {
    const before = threadCpuMs();
    let n = 0;
    for (let i = Atomics.add(counter, 0, 1); i < dockerfiles.length; i = Atomics.add(counter, 0, 1)) {
      const f = dockerfiles[i];
      api.lint({ path: f.path, text: f.text });
      n++;
    }
    const after = threadCpuMs();
    parentPort.postMessage({ files: n, cpuMs: before === undefined || after === undefined ? undefined : after - before });
  });
}
