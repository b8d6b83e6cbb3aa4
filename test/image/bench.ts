/**
 * Throughput and peak memory of the built-in auditor on a generated `docker save` archive.
 * Run: `npm run build && node --import tsx test/image/bench.ts [--json] [totalMB=600] [moreMB…]`
 * (`npm run bench -- --only f` runs it as part (f) through scripts/bench/image.mjs).
 * Each size is generated (streamed to a temp file), then scanned by the CLI in a child process whose
 * peak RSS and CPU time are read from process.resourceUsage() at exit. Prints one line per size;
 * with --json also one `BENCH_RESULT {…}` line with every figure.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { repoRoot, tarHeader, tmpDir } from './helpers';

async function write(w: Writable, b: Buffer): Promise<void> {
  if (!w.write(b)) await once(w, 'drain');
}

/** Writes one layer tar of about `bytes` bytes: mostly text files (16–256 KiB), some 4 MiB binaries, setuid and secret files. */
async function writeLayer(file: string, bytes: number, seed: number, gzip: boolean): Promise<{ diffId: string }> {
  const out = createWriteStream(file);
  const gz = gzip ? zlib.createGzip({ level: 1 }) : undefined;
  if (gz) gz.pipe(out);
  const sink: Writable = gz ?? out;
  const hash = createHash('sha256');
  const put = async (b: Buffer): Promise<void> => {
    hash.update(b);
    await write(sink, b);
  };
  let written = 0;
  let i = 0;
  const line = Buffer.from(`export const value_${seed} = "lorem ipsum dolor sit amet consectetur adipiscing";\n`);
  while (written < bytes) {
    i++;
    const binary = i % 20 === 0;
    const size = binary ? 4 * 2 ** 20 : 16 * 1024 + ((i * 7919) % (240 * 1024));
    const name = `srv/app${seed}/d${i % 97}/f${i}.${binary ? 'bin' : 'js'}`;
    const body = Buffer.alloc(size, binary ? Buffer.from([0, 1, 2, 3, 255]) : line);
    if (i % 5000 === 1) body.write('-----BEGIN RSA PRIVATE KEY-----', 100);
    await put(tarHeader({ name, mode: i % 1000 === 0 ? 0o4755 : 0o644 }, size));
    await put(body);
    const pad = (512 - (size % 512)) % 512;
    if (pad) await put(Buffer.alloc(pad));
    written += 512 + size + pad;
  }
  await put(Buffer.alloc(1024));
  sink.end();
  await once(out, 'finish');
  return { diffId: `sha256:${hash.digest('hex')}` };
}

async function buildArchive(dir: string, totalMB: number): Promise<string> {
  const layers = 5;
  const per = Math.ceil((totalMB * 2 ** 20) / layers);
  const files: { file: string; diffId: string }[] = [];
  for (let l = 0; l < layers; l++) {
    const file = path.join(dir, `layer${l}.tar${l < 2 ? '.gz' : ''}`);
    const { diffId } = await writeLayer(file, per, l, l < 2);
    files.push({ file, diffId });
  }
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: 'app' }, rootfs: { type: 'layers', diff_ids: files.map((f) => f.diffId) }, history: files.map((_, i) => ({ created_by: `RUN build step ${i}` })) }),
  );
  const manifest = Buffer.from(JSON.stringify([{ Config: 'config.json', RepoTags: [`bench/image:${totalMB}`], Layers: files.map((f) => path.basename(f.file)) }]));
  const archive = path.join(dir, `bench-${totalMB}.tar`);
  const out = createWriteStream(archive);
  const entry = async (name: string, data: Buffer | string): Promise<void> => {
    if (typeof data !== 'string') {
      await write(out, tarHeader({ name }, data.length));
      await write(out, data);
      const pad = (512 - (data.length % 512)) % 512;
      if (pad) await write(out, Buffer.alloc(pad));
      return;
    }
    const size = statSync(data).size;
    await write(out, tarHeader({ name }, size));
    const fd = openSync(data, 'r');
    const buf = Buffer.alloc(4 * 2 ** 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) await write(out, Buffer.from(buf.subarray(0, n)));
    closeSync(fd);
    const pad = (512 - (size % 512)) % 512;
    if (pad) await write(out, Buffer.alloc(pad));
  };
  await entry('config.json', config);
  for (const f of files) {
    await entry(path.basename(f.file), f.file);
    rmSync(f.file);
  }
  await entry('manifest.json', manifest);
  await write(out, Buffer.alloc(1024));
  out.end();
  await once(out, 'finish');
  return archive;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(600);
  const preload = path.join(tmpDir(), 'rss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeSync(2, `\\nMAXRSS_KB ${u.maxRSS}\\nCPU_US ${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
  );
  const runs: Record<string, number>[] = [];
  for (const mb of sizes) {
    const dir = tmpDir('bulkhead-bench-');
    try {
      const t0 = Date.now();
      const archive = await buildArchive(dir, mb);
      const genS = (Date.now() - t0) / 1000;
      const start = process.hrtime.bigint();
      const res = spawnSync(process.execPath, ['--require', preload, path.join(repoRoot, 'bin', 'bulkhead.js'), 'image', archive, '--format', 'json', '--fail-on', 'none'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent-bin' },
        maxBuffer: 256 * 2 ** 20,
      });
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      if (res.status !== 0) throw new Error(`scan failed (${res.status}): ${res.stderr}`);
      const r = JSON.parse(res.stdout) as { findings: { id: string }[]; image: { layers: { uncompressedSize: number; size: number; entries: number }[] } };
      const unc = r.image.layers.reduce((a, l) => a + l.uncompressedSize, 0);
      const comp = statSync(archive).size;
      const entries = r.image.layers.reduce((a, l) => a + l.entries, 0);
      const rssKb = Number(/MAXRSS_KB (\d+)/.exec(res.stderr)?.[1] ?? NaN);
      const cpuS = Number(/CPU_US (\d+)/.exec(res.stderr)?.[1] ?? NaN) / 1e6;
      console.log(
        `archive ${(comp / 2 ** 20).toFixed(0)} MiB (${(unc / 2 ** 20).toFixed(0)} MiB uncompressed, ${entries} files, 2 gzip + 3 plain layers; generated in ${genS.toFixed(1)} s): ` +
          `scan ${secs.toFixed(2)} s wall / ${cpuS.toFixed(2)} s CPU = ${(unc / 2 ** 20 / secs).toFixed(0)} MiB/s uncompressed (${(unc / 2 ** 20 / cpuS).toFixed(0)} MiB/s per CPU second), ${(comp / 2 ** 20 / secs).toFixed(0)} MiB/s on disk; peak RSS ${(rssKb / 1024).toFixed(0)} MiB; ${r.findings.length} findings`,
      );
      runs.push({ sizeMB: mb, archiveMiB: comp / 2 ** 20, uncompressedMiB: unc / 2 ** 20, files: entries, generateS: genS, wallS: secs, cpuS, peakRssMiB: rssKb / 1024, findings: r.findings.length });
    } finally {
      if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  if (json) console.log(`BENCH_RESULT ${JSON.stringify({ runs })}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
