// End-to-end CLI throughput: `node bin/bulkhead.js lint <dir> --format json` on the replicated
// corpus (process start, directory walk, reading, linting, JSON output), median of RUNS runs.
//   node scripts/bench/cli.mjs <dir> [dockerfiles|kubernetes]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { emit, listTree, median, REPO } from './common.mjs';
import { readdirSync, statSync } from 'node:fs';

const [dir, sub] = process.argv.slice(2).filter((a) => a !== '--jobs-auto');
// Batch mode: one worker thread per CPU (`--jobs auto`); the CLI's default is one thread.
const JOBS = process.argv.includes('--jobs-auto') ? ['--jobs', 'auto'] : [];
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const BIN = join(REPO, 'bin', 'bulkhead.js');

/** Runs the CLI once; resolves with { ms, code, stdoutBytes, json, stderr }. */
export function runCli(args, cwd = REPO) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    let stderr = '';
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => {
      stderr += d.toString();
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - t;
      const out = Buffer.concat(chunks).toString('utf8');
      let json;
      try {
        json = JSON.parse(out);
      } catch {
        json = undefined;
      }
      resolve({ ms, code, signal, stdoutBytes: out.length, json, stderr });
    });
  });
}

/** Number of per-file entries in the CLI's JSON, whatever its top-level shape. */
function filesInJson(json) {
  if (Array.isArray(json)) return json.length;
  if (json && typeof json === 'object') {
    for (const k of ['files', 'results']) if (Array.isArray(json[k])) return json[k].length;
  }
  return undefined;
}

// With `sub`, only the `copy-*/<sub>` folders of the replicated corpus are linted.
const targets = sub && sub !== 'all' ? readdirSync(dir).filter((c) => c.startsWith('copy-')).map((c) => join(dir, c, sub)) : [dir];
const files = targets.flatMap((t) => listTree(t));
const bytes = files.reduce((a, f) => a + statSync(f.path).size, 0);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await runCli(['lint', ...targets, '--format', 'json', ...JOBS]));
const ok = runs.every((r) => (r.code === 0 || r.code === 1) && r.json !== undefined);
const ms = median(runs.map((r) => r.ms));
emit({
  ok,
  jobs: JOBS.length ? 'auto' : '1',
  files: files.length,
  bytes,
  ms,
  reportedFiles: filesInJson(runs[0]?.json),
  exitCode: runs[0]?.code,
  error: ok ? undefined : (runs.find((r) => r.json === undefined || (r.code !== 0 && r.code !== 1))?.stderr ?? '').split('\n').slice(0, 3).join(' | '),
});
