#!/usr/bin/env node
// `npm run bench`: every performance figure of issue 8 in one run, each part in its own process.
//   (a) LSP latency didChange → diagnostics while typing (300-line Dockerfile, 3,000-line manifest)
//   (b) CLI throughput on ../shared/corpus/real-world replicated to ≥ 5,000 files, against the
//       parse-only floor (dockerfile-ast + yaml), and lint()/parse in one thread
//   (c) the same Dockerfiles through dockerfilelint's JS API
//   (d) server cold start to first diagnostics; (e) server peak RSS with 1,000 open documents
//   (f) built-in image auditor: MiB/s and peak RSS on a generated docker save archive of ~600 MiB (1,000 MiB unpacked)
//       (BENCH_IMAGE_MB="250,1000,2000" for several sizes and the flat-memory check)
// Targets are printed PASS/FAIL; they are never asserted in unit tests.
// Options: --keep (leave the temp corpus), --json <file> (write all results), --only a,b,c,d,e,f.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem, release, platform, loadavg } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO, RESULT_PREFIX, replicateCorpus, corpusSize, CORPUS } from './bench/common.mjs';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1].split(',')) : undefined;
const want = (k) => !only || only.has(k);
const MIN_FILES = 5000;

if (corpusSize() === 0) {
  console.error(`bench: the real-world corpus is missing (${CORPUS}); nothing to measure.`);
  process.exit(2);
}

/** Runs one part (a node script) and returns its JSON result, or { error }. */
function part(script, args, timeoutMs = 600000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'scripts', 'bench', script), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
      else resolve({ error: `${script} ${args[0] ?? ''} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const fps = (files, ms) => files / (ms / 1000);
const verdicts = [];
function target(name, ok, detail) {
  verdicts.push({ name, ok, detail });
  console.log(`  ${ok === undefined ? 'n/a ' : ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
}

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memGB: totalmem() / 2 ** 30, node: process.version, os: `${platform()} ${release()}`, loadavg: loadavg() };
console.log(`Bulkhead bench — ${new Date().toISOString()}`);
console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${fmt(machine.memGB)} GB RAM, node ${machine.node}, ${machine.os}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (loadavg()[0] > machine.cpus) console.log(`WARNING: load average ${loadavg()[0].toFixed(1)} > ${machine.cpus} CPUs: other processes compete for the CPU, every timing below is inflated.`);

// The rules API bundled once for the in-process parts (same bundling as the server and CLI).
const api = join(REPO, 'out', 'bench', 'rules-api.cjs');
await esbuild.build({ entryPoints: [join(REPO, 'rules', 'src', 'api.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: api, logLevel: 'warning' });

const tmp = mkdtempSync(join(tmpdir(), 'bulkhead-bench-'));
const copies = Math.ceil(MIN_FILES / corpusSize());
const nFiles = replicateCorpus(tmp, copies);
console.log(`corpus: ${corpusSize()} real-world files × ${copies} = ${nFiles} files in ${tmp}\n`);
const results = { machine, date: new Date().toISOString(), files: nFiles };

if (want('b') || want('c')) {
  const [floor, engine] = [await part('inproc.mjs', ['parse', tmp]), await part('inproc.mjs', ['lint', tmp, api])];
  results.floor = floor;
  results.engine = engine;
  if (floor.error || engine.error) console.log(`(b) in-process: ${floor.error ?? engine.error}`);
  else {
    console.log('(b) single thread, in process (files in memory), median of 3 passes; wall ms / CPU ms (user+sys; the verdicts use CPU time, which a busy machine does not inflate)');
    let lintCpu = 0;
    let parseCpu = 0;
    for (const kind of ['dockerfile', 'yaml']) {
      const p = floor.parts.find((x) => x.name === kind);
      const l = engine.parts.find((x) => x.name === kind);
      lintCpu += l.cpuMs;
      parseCpu += p.cpuMs;
      console.log(`  ${kind.padEnd(10)} ${String(p.files).padStart(5)} files ${fmt(p.bytes / 1e6, 2)} MB | parse ${fmt(p.ms, 0)} / ${fmt(p.cpuMs, 0)} ms = ${fmt(mbps(p.bytes, p.cpuMs), 2)} MB/s | lint ${fmt(l.ms, 0)} / ${fmt(l.cpuMs, 0)} ms = ${fmt(mbps(l.bytes, l.cpuMs), 2)} MB/s, ${fmt(fps(l.files, l.cpuMs), 0)} files/s | lint/parse ${fmt(l.cpuMs / p.cpuMs, 2)}`);
    }
    const s = engine.parts.find((x) => x.name === 'stats');
    console.log(`  rules: ${s.rules}; findings ${s.findings}; skipped ${s.skipped}; rule crashes ${s.crashed}; kinds ${JSON.stringify(s.kinds)}`);
    results.lintParseRatio = lintCpu / parseCpu;
    target('lint/parse ≤ 1.5', lintCpu / parseCpu <= 1.5, `${fmt(lintCpu / parseCpu, 2)} (lint ${fmt(lintCpu, 0)} ms CPU vs parse ${fmt(parseCpu, 0)} ms CPU, all ${nFiles} files)`);
  }
  if (want('b')) {
    const cli = await part('cli.mjs', [tmp, 'all', '--jobs-auto']);
    results.cli = cli;
    if (cli.error && !cli.files) console.log(`  CLI: ${cli.error}`);
    else if (!cli.ok) console.log(`  CLI: not usable yet (${cli.error})`);
    else {
      console.log(`  CLI end to end (bin/bulkhead.js lint <dir> --format json --jobs auto, median of 3): ${cli.files} files ${fmt(cli.bytes / 1e6, 2)} MB in ${fmt(cli.ms, 0)} ms = ${fmt(fps(cli.files, cli.ms), 0)} files/s, ${fmt(mbps(cli.bytes, cli.ms), 2)} MB/s (JSON lists ${cli.reportedFiles ?? '?'} files, exit ${cli.exitCode})`);
      if (!floor.error) {
        const parseMs = floor.parts.reduce((a, p) => a + (p.ms ?? 0), 0);
        console.log(`  CLI wall time / single-thread parse floor: ${fmt(cli.ms / parseMs, 2)}`);
        results.cliParseRatio = cli.ms / parseMs;
      }
    }
  }
  if (want('c')) {
    const dfl = await part('inproc.mjs', ['dockerfilelint', tmp]);
    results.dockerfilelint = dfl;
    // Issue 8 allows every core in batch mode: Bulkhead's lint() on N worker threads (files in memory)
    // against dockerfilelint in one process. Judged on CPU time: files / max(busiest worker thread's
    // CPU, process CPU / N), i.e. the time N otherwise idle cores would need; wall time printed too.
    const all = await part('inproc.mjs', ['lint-workers', tmp, api]);
    results.engineAllCores = all;
    console.log('\n(c) Dockerfiles only, in process: dockerfilelint on one thread; Bulkhead on one thread and on every core (worker threads)');
    if (dfl.error || engine.error) console.log(`  ${dfl.error ?? engine.error}`);
    else {
      const d = dfl.parts[0];
      const l = engine.parts.find((x) => x.name === 'dockerfile');
      console.log(`  dockerfilelint ${d.files} files: ${fmt(d.ms, 0)} / ${fmt(d.cpuMs, 0)} ms (wall/CPU) = ${fmt(fps(d.files, d.cpuMs), 0)} files/s, ${fmt(mbps(d.bytes, d.cpuMs), 2)} MB/s (${dfl.parts[1].findings} findings)`);
      console.log(`  bulkhead, 1 thread     ${l.files} files: ${fmt(l.ms, 0)} / ${fmt(l.cpuMs, 0)} ms (wall/CPU) = ${fmt(fps(l.files, l.cpuMs), 0)} files/s, ${fmt(mbps(l.bytes, l.cpuMs), 2)} MB/s; vs dockerfilelint ${fmt(d.cpuMs / l.cpuMs, 2)}`);
      results.vsDockerfilelint = d.cpuMs / l.cpuMs;
      const a = all.error ? undefined : all.parts[0];
      if (!a) console.log(`  bulkhead, all cores: ${all.error}`);
      else {
        const coreMs = Math.max(Number.isFinite(a.maxThreadCpuMs) ? a.maxThreadCpuMs : 0, a.cpuMs / a.threads);
        console.log(`  bulkhead, ${a.threads} threads    ${a.files} files: ${fmt(a.ms, 0)} ms wall (${fmt(fps(a.files, a.ms), 0)} files/s); CPU ${fmt(a.cpuMs, 0)} ms in the process, busiest worker thread ${fmt(a.maxThreadCpuMs, 0)} ms => ${fmt(coreMs, 0)} ms on ${a.threads} idle cores = ${fmt(fps(a.files, coreMs), 0)} files/s, ${fmt(mbps(a.bytes, coreMs), 2)} MB/s; vs dockerfilelint ${fmt(d.cpuMs / coreMs, 2)}`);
        results.vsDockerfilelintAllCores = d.cpuMs / coreMs;
        target(`throughput ≥ dockerfilelint (Bulkhead on ${a.threads} worker threads, dockerfilelint in one process)`, coreMs <= d.cpuMs, `bulkhead/dockerfilelint throughput ratio ${fmt(d.cpuMs / coreMs, 2)} (one thread: ${fmt(d.cpuMs / l.cpuMs, 2)})`);
      }
      if (results.cli?.ok) {
        // The CLI as a user runs it (all cores, process start and file reading included) on the same Dockerfiles.
        const c = await part('cli.mjs', [tmp, 'dockerfiles', '--jobs-auto']);
        results.cliDockerfiles = c;
        if (c.ok) console.log(`  bulkhead CLI   ${c.files} files: ${fmt(c.ms, 0)} ms wall, end to end = ${fmt(fps(c.files, c.ms), 0)} files/s, ${fmt(mbps(c.bytes, c.ms), 2)} MB/s; vs dockerfilelint in process (wall): ${fmt(d.ms / c.ms, 2)}`);
      }
    }
  }
}

const serverBuilt = existsSync(join(REPO, 'server', 'out', 'server.js'));
if (want('a')) {
  console.log('\n(a) LSP latency, keystroke → diagnostics, real server over stdio');
  const r = serverBuilt ? await part('lsp.mjs', ['latency', tmp]) : { error: 'server/out/server.js is not built' };
  results.latency = r;
  if (r.error) console.log(`  ${r.error}`);
  else {
    console.log(`  diagnostics model: ${r.model}; sync: ${r.incremental ? 'incremental' : 'full'}; one keystroke every ${r.keyIntervalMs} ms`);
    for (const [name, limit] of [['dockerfile', 10], ['manifest', 25]]) {
      const x = r[name];
      console.log(`  ${name.padEnd(10)} ${x.lines} lines: ${x.edits} edits, p50 ${fmt(x.p50)} ms, p95 ${fmt(x.p95)} ms, max ${fmt(x.max)} ms${x.timeouts ? `, ${x.timeouts} timeouts` : ''}; one round trip with nothing queued: ${fmt(x.singleMs)} ms wall${x.singleCompleteMs > x.singleMs ? ` (${fmt(x.singleCompleteMs)} ms until the pull after the refresh with the edited document's schema diagnostics)` : ''}, ${fmt(x.singleCpuMs)} ms server CPU`);
      target(`p95 ${name} ≤ ${limit} ms`, x.p95 <= limit, `${fmt(x.p95)} ms`);
    }
  }
}
if (want('d')) {
  console.log('\n(d) cold start: spawn → initialize → didOpen → first diagnostics (median of 5)');
  const r = serverBuilt ? await part('lsp.mjs', ['coldstart']) : { error: 'server/out/server.js is not built' };
  results.coldstart = r;
  if (r.error) console.log(`  ${r.error}`);
  else {
    console.log(`  initialize answered after ${fmt(r.medianInitializeMs)} ms; first diagnostics after ${fmt(r.medianMs)} ms (${r.runs.map((x) => fmt(x.firstDiagnostics, 0)).join(', ')}), server CPU ${fmt(r.medianCpuMs, 0)} ms`);
    if (r.noCache) console.log(`  first start without the code cache: first diagnostics after ${fmt(r.noCache.medianMs)} ms (${r.noCache.runs.map((x) => fmt(x.firstDiagnostics, 0)).join(', ')}), server CPU ${fmt(r.noCache.medianCpuMs, 0)} ms`);
    target('cold start ≤ 300 ms', r.medianMs <= 300, `${fmt(r.medianMs)} ms`);
  }
}
if (want('e')) {
  console.log('\n(e) server memory with 1,000 open documents');
  const r = serverBuilt ? await part('lsp.mjs', ['rss', tmp]) : { error: 'server/out/server.js is not built' };
  results.rss = r;
  if (r.error) console.log(`  ${r.error}`);
  else {
    console.log(`  ${r.documents} documents (${fmt(r.bytes / 1e6, 2)} MB) diagnosed in ${fmt(r.allDiagnosedMs, 0)} ms (server CPU ${fmt(r.allDiagnosedCpuMs, 0)} ms); RSS at start ${fmt(r.startMB)} MB, after ${fmt(r.rssMB)} MB, peak ${fmt(r.peakMB)} MB`);
    target('peak RSS ≤ 150 MB', r.peakMB <= 150, `${fmt(r.peakMB)} MB`);
  }
}

if (want('f')) {
  console.log('\n(f) built-in image auditor (bulkhead image --scanner builtin) on generated docker save archives: 2 gzip + 3 plain layers');
  const r = existsSync(join(REPO, 'server', 'out', 'cli.js')) ? await part('image.mjs', [], 1800000) : { error: 'server/out/cli.js is not built' };
  results.image = r;
  if (r.error) console.log(`  ${r.error}`);
  else {
    for (const x of r.runs) {
      console.log(`  ${fmt(x.archiveMiB, 0)} MiB archive (${fmt(x.uncompressedMiB, 0)} MiB uncompressed, ${x.files} files): ${fmt(x.wallS, 2)} s wall / ${fmt(x.cpuS, 2)} s CPU = ${fmt(x.uncompressedMiB / x.wallS, 0)} MiB/s (${fmt(x.uncompressedMiB / x.cpuS, 0)} MiB/s per CPU second); peak RSS ${fmt(x.peakRssMiB, 0)} MiB; ${x.findings} findings`);
    }
    if (r.runs.length > 1) {
      const [small, large] = [r.runs[0], r.runs[r.runs.length - 1]];
      target('image auditor memory flat as the image grows (peak RSS of the largest ≤ 1.25 × the smallest)', large.peakRssMiB <= 1.25 * small.peakRssMiB, `${fmt(small.peakRssMiB, 0)} MiB at ${fmt(small.archiveMiB, 0)} MiB → ${fmt(large.peakRssMiB, 0)} MiB at ${fmt(large.archiveMiB, 0)} MiB`);
    }
  }
}

console.log(`\n${verdicts.filter((v) => v.ok).length}/${verdicts.length} targets met`);
results.verdicts = verdicts;
if (argv.includes('--json')) writeFileSync(argv[argv.indexOf('--json') + 1], JSON.stringify(results, null, 2));
if (!argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
