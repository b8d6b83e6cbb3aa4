// End-to-end CLI throughput: `node bin/bulkhead.js lint <dir> --format json` on the replicated
// corpus (process start, directory walk, reading, linting, JSON output), median of RUNS runs.
//   node scripts/bench/cli.mjs <dir> [subdir]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { emit, listTree, median, REPO } from './common.mjs';
import { statSync } from 'node:fs';

const [dir, sub] = process.argv.slice(2);
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

const target = sub ? join(dir, sub) : dir;
const files = listTree(target);
const bytes = files.reduce((a, f) => a + statSync(f.path).size, 0);
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await runCli(['lint', target, '--format', 'json']));
const ok = runs.every((r) => (r.code === 0 || r.code === 1) && r.json !== undefined);
const ms = median(runs.map((r) => r.ms));
emit({
  ok,
  files: files.length,
  bytes,
  ms,
  reportedFiles: filesInJson(runs[0]?.json),
  exitCode: runs[0]?.code,
  error: ok ? undefined : (runs.find((r) => r.json === undefined || (r.code !== 0 && r.code !== 1))?.stderr ?? '').split('\n').slice(0, 3).join(' | '),
});
