/**
 * Long fuzz run (not part of `npm test`):
 *   node --import tsx test/fuzz/long-run.ts [--runs 100000] [--seed N] [--workers 2] [--stall-ms 30000]
 * Spreads the cases over worker threads and six generators (random and corpus-mutated
 * Dockerfiles, manifests and Compose files), checks every invariant of harness.ts, and keeps
 * going after a violation so the count is complete. A watchdog in the main thread detects a hang
 * (no progress for --stall-ms) and prints the input that hung, which each worker copies into
 * shared memory before linting it. Exit code 1 when any violation or hang was found.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { checkDocument, corpusPresent, loadSeeds, mutate, mutations, randomCompose, randomDockerfile, randomManifest, type Target, type Violation } from './harness';

interface Plan {
  name: string;
  target: Target;
  share: number;
}
const PLANS: Plan[] = [
  { name: 'random dockerfile', target: 'dockerfile', share: 0.2 },
  { name: 'random manifest', target: 'kubernetes', share: 0.15 },
  { name: 'random compose', target: 'compose', share: 0.15 },
  { name: 'mutated dockerfile', target: 'dockerfile', share: 0.2 },
  { name: 'mutated manifest', target: 'kubernetes', share: 0.2 },
  { name: 'mutated compose', target: 'compose', share: 0.1 },
];
const SHARED_CHARS = 1 << 20;

interface WorkerInput {
  runs: number;
  seed: number;
  shared: SharedArrayBuffer;
}
interface Found {
  plan: string;
  target: Target;
  violations: Violation[];
  input: string;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function workerMain(): void {
  const { runs, seed, shared } = workerData as WorkerInput;
  const len = new Int32Array(shared, 0, 3);
  const chars = new Uint16Array(shared, 16, SHARED_CHARS);
  const seeds = corpusPresent() ? loadSeeds() : undefined;
  const gens: Record<string, fc.Arbitrary<string>> = { 'random dockerfile': randomDockerfile, 'random manifest': randomManifest, 'random compose': randomCompose };
  for (const target of ['dockerfile', 'kubernetes', 'compose'] as const) {
    const pool = seeds?.[target] ?? [];
    const name = `mutated ${target === 'kubernetes' ? 'manifest' : target}`;
    if (pool.length > 0) gens[name] = fc.tuple(fc.nat({ max: pool.length - 1 }), mutations(target)).map(([i, ms]) => mutate(pool[i] ?? '', ms));
  }
  let done = 0;
  const counts: Record<string, number> = {};
  for (const [k, plan] of PLANS.entries()) {
    const gen = gens[plan.name];
    if (!gen) continue;
    const n = Math.round(runs * plan.share);
    counts[plan.name] = 0;
    fc.check(
      fc.property(gen, (text) => {
        // Publish the input before linting it, so a hang can be reported by the main thread.
        const m = Math.min(text.length, SHARED_CHARS);
        for (let i = 0; i < m; i++) chars[i] = text.charCodeAt(i);
        Atomics.store(len, 1, k);
        Atomics.store(len, 0, m);
        // A case counter in shared memory: the watchdog sees progress without any message.
        Atomics.add(len, 2, 1);
        const violations = checkDocument(plan.target, text);
        if (violations.length > 0) parentPort?.postMessage({ type: 'found', found: { plan: plan.name, target: plan.target, violations, input: text } satisfies Found });
        done++;
        counts[plan.name] = (counts[plan.name] ?? 0) + 1;
        if (done % 250 === 0) parentPort?.postMessage({ type: 'progress', done });
        return true;
      }),
      { seed: seed + k, numRuns: n },
    );
  }
  parentPort?.postMessage({ type: 'done', done, counts });
}

async function main(): Promise<void> {
  const runs = arg('runs', 100000);
  const seed = arg('seed', Date.now() % 2 ** 31);
  const workers = arg('workers', 2);
  const stallMs = arg('stall-ms', 30000);
  console.log(`long fuzz run: ${runs} cases, seed ${seed}, ${workers} workers, corpus ${corpusPresent() ? 'present' : 'MISSING (random generators only)'}`);
  const t0 = Date.now();
  const found: Found[] = [];
  const hangs: string[] = [];
  const totals: Record<string, number> = {};
  let total = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<void>((resolve) => {
        const shared = new SharedArrayBuffer(16 + 2 * SHARED_CHARS);
        const worker = new Worker(`require('tsx/cjs/api').register();\nrequire(${JSON.stringify(__filename)});`, { eval: true, workerData: { runs: Math.round(runs / workers), seed: seed + 1000 * w, shared } satisfies WorkerInput });
        let last = Date.now();
        let progress = 0;
        let seenCases = 0;
        const watchdog = setInterval(() => {
          const len = new Int32Array(shared, 0, 3);
          const cases = Atomics.load(len, 2);
          // Stalled means: a case started and no further case started for stallMs (start-up, i.e.
          // compiling and loading the corpus, is not counted).
          if (cases !== seenCases || cases === 0) {
            seenCases = cases;
            last = Date.now();
            return;
          }
          if (Date.now() - last < stallMs) return;
          const chars = new Uint16Array(shared, 16, SHARED_CHARS);
          const text = String.fromCharCode(...chars.subarray(0, Math.min(Atomics.load(len, 0), 20000)));
          hangs.push(`worker ${w} (${PLANS[Atomics.load(len, 1)]?.name}) made no progress for ${stallMs} ms on input ${JSON.stringify(text)}`);
          clearInterval(watchdog);
          void worker.terminate();
        }, 1000);
        worker.on('message', (m: { type: string; done?: number; found?: Found; counts?: Record<string, number> }) => {
          if (m.type === 'progress' && m.done !== undefined) {
            total += m.done - progress;
            progress = m.done;
            if (total % 5000 < 250) console.log(`  ${total} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s, ${found.length} with violations`);
          } else if (m.type === 'found' && m.found) {
            found.push(m.found);
          } else if (m.type === 'done') {
            total += (m.done ?? 0) - progress;
            progress = m.done ?? 0;
            for (const [k, v] of Object.entries(m.counts ?? {})) totals[k] = (totals[k] ?? 0) + v;
          }
        });
        worker.on('error', (e) => hangs.push(`worker ${w} died: ${e.stack ?? e.message}`));
        worker.on('exit', () => {
          clearInterval(watchdog);
          resolve();
        });
      }),
    ),
  );
  const secs = (Date.now() - t0) / 1000;
  console.log(`\n${total} cases in ${secs.toFixed(0)} s (seed ${seed}); per generator: ${JSON.stringify(totals)}`);
  const byInvariant = new Map<string, Found[]>();
  for (const f of found) for (const v of f.violations) {
    const key = `${v.invariant} | ${v.detail.split(':').slice(0, 2).join(':').slice(0, 120)}`;
    byInvariant.set(key, [...(byInvariant.get(key) ?? []), f]);
  }
  console.log(`${found.length} inputs with violations, ${byInvariant.size} distinct; ${hangs.length} hangs/worker failures`);
  for (const [key, fs] of byInvariant) {
    const first = fs[0];
    console.log(`\n● ${key} (${fs.length}×)\n  ${first?.violations.find((v) => key.startsWith(v.invariant))?.detail.slice(0, 600)}\n  input (${first?.target}): ${JSON.stringify(first?.input.slice(0, 600))}`);
  }
  for (const h of hangs) console.log(`\n● ${h.slice(0, 2000)}`);
  process.exitCode = found.length > 0 || hangs.length > 0 ? 1 : 0;
}

if (isMainThread) void main();
else workerMain();
