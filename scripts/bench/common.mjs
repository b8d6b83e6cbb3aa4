// Shared helpers of the benchmark parts: where things are, the replicated corpus, statistics.
// Every part runs in its own node process (so JIT state, heap and module patches of one part
// never leak into another) and prints one JSON line prefixed with RESULT_PREFIX.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS = join(REPO, '..', 'shared', 'corpus', 'real-world');
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Prints a part's result for the orchestrator. */
export function emit(result) {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/** Lists the replicated corpus (written by `replicateCorpus`) as { path, kind }. */
export function listTree(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: p, kind: name.endsWith('.Dockerfile') ? 'dockerfile' : 'yaml' });
    }
  };
  walk(dir);
  return out;
}

/** Reads the replicated corpus into memory: [{ path, kind, text, bytes }]. */
export function loadTree(dir) {
  return listTree(dir).map((f) => {
    const text = readFileSync(f.path, 'utf8');
    return { ...f, text, bytes: Buffer.byteLength(text) };
  });
}

/**
 * Copies ../shared/corpus/real-world into `dir` `copies` times. Dockerfiles are renamed
 * `<name>.Dockerfile` so kind detection by file name recognises them (the corpus names them
 * `<repo>__<path>_Dockerfile`). Returns the number of files written.
 */
export function replicateCorpus(dir, copies) {
  const sources = [];
  for (const f of readdirSync(join(CORPUS, 'dockerfiles')).sort()) sources.push({ from: join(CORPUS, 'dockerfiles', f), sub: 'dockerfiles', name: `${f.replace(/[^A-Za-z0-9_.-]/g, '_')}.Dockerfile` });
  for (const f of readdirSync(join(CORPUS, 'kubernetes')).sort()) sources.push({ from: join(CORPUS, 'kubernetes', f), sub: 'kubernetes', name: basename(f) });
  const texts = sources.map((s) => readFileSync(s.from));
  let n = 0;
  for (let c = 0; c < copies; c++) {
    for (const sub of ['dockerfiles', 'kubernetes']) mkdirSync(join(dir, `copy-${String(c).padStart(3, '0')}`, sub), { recursive: true });
    sources.forEach((s, i) => {
      writeFileSync(join(dir, `copy-${String(c).padStart(3, '0')}`, s.sub, s.name), texts[i]);
      n++;
    });
  }
  return n;
}

/** Number of source files in the real-world corpus, or 0 when it is missing. */
export function corpusSize() {
  if (!existsSync(CORPUS)) return 0;
  return readdirSync(join(CORPUS, 'dockerfiles')).length + readdirSync(join(CORPUS, 'kubernetes')).length;
}

/** Percentile (nearest-rank) of an unsorted array of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

/** Median of an array of numbers. */
export function median(values) {
  return percentile(values, 50);
}

/**
 * Runs `fn` once to warm up, then `passes` times; returns the median wall time and the median
 * CPU time (user + system of this process) in ms. CPU time stays meaningful when other
 * processes compete for the machine; wall time does not.
 */
export function timeMedian(fn, passes) {
  fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < passes; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu) };
}
