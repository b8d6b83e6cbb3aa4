// Part (f): the built-in image auditor's throughput (MB/s) and peak RSS on generated `docker save`
// archives (test/image/bench.ts does the work; this wrapper runs it under tsx and passes its result on).
//   node scripts/bench/image.mjs [sizeMB…]     default: one 1,000 MiB image, a ~600 MiB archive on disk (BENCH_IMAGE_MB="250,1000,2000" for more)
// Needs the built CLI (bin/bulkhead.js → server/out/cli.js); `npm run bench` builds it first.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO, RESULT_PREFIX, emit } from './common.mjs';

const sizes = process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_IMAGE_MB ?? '1000').split(',').map((s) => s.trim()).filter(Boolean);
const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test', 'image', 'bench.ts'), '--json', ...sizes], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (err += d));
child.on('close', (code) => {
  const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0 || !line) {
    emit({ error: `test/image/bench.ts exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
    return;
  }
  emit(JSON.parse(line.slice(RESULT_PREFIX.length)));
});
