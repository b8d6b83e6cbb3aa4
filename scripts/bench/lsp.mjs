// Language-server measurements through the real built server over stdio:
//   node scripts/bench/lsp.mjs latency <dir>   typing-speed edits → diagnostics, p50/p95/max
//   node scripts/bench/lsp.mjs coldstart       spawn → first diagnostics of a Dockerfile (median of 5)
//   node scripts/bench/lsp.mjs rss <dir>       peak RSS after opening 1,000 documents
// <dir> is the replicated corpus. Push (publishDiagnostics) or pull (textDocument/diagnostic) is
// chosen from the server's capabilities.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emit, percentile, median, CORPUS, loadTree } from './common.mjs';
import { LspClient, rssOf } from './lsp-client.mjs';

const [mode, dir] = process.argv.slice(2);
const KEY_INTERVAL_MS = Number(process.env.BENCH_KEY_MS ?? 40);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A ~300-line Dockerfile made of real-world Dockerfiles, cut at an instruction boundary. */
export function bigDockerfile(lines = 300) {
  const out = [];
  for (const f of readdirSync(join(CORPUS, 'dockerfiles')).sort()) {
    for (const l of readFileSync(join(CORPUS, 'dockerfiles', f), 'utf8').split('\n')) out.push(l);
    if (out.length >= lines) break;
  }
  let cut = lines;
  while (cut > 1 && /\\\s*$/.test(out[cut - 1] ?? '')) cut--;
  return out.slice(0, cut).join('\n') + '\n';
}

/** A ~3,000-line multi-document manifest made of real-world Kubernetes files. */
export function bigManifest(lines = 3000) {
  const docs = [];
  let n = 0;
  for (const f of readdirSync(join(CORPUS, 'kubernetes')).sort()) {
    const text = readFileSync(join(CORPUS, 'kubernetes', f), 'utf8').replace(/\s+$/, '');
    docs.push(text.replace(/^---\s*\n/, ''));
    n += text.split('\n').length + 1;
    if (n >= lines) break;
  }
  return docs.join('\n---\n') + '\n';
}

/**
 * Types `typed` one character per keystroke at `offset`, then deletes it again with backspaces,
 * one edit every KEY_INTERVAL_MS. Records, per keystroke, the time until diagnostics for that
 * version (or a later one) arrive.
 */
async function typeAndMeasure(client, uri, offset, typed) {
  const latencies = [];
  const pending = [];
  const keystroke = async (del, ins, at) => {
    const t = performance.now();
    const version = client.edit(uri, at, del, ins);
    const p = (client.pull ? client.pullDiagnostics(uri) : client.waitPublish(uri, version, 10000)).then((r) => latencies.push(r.at - t), () => latencies.push(Infinity));
    pending.push(p);
    await sleep(KEY_INTERVAL_MS);
  };
  for (let i = 0; i < typed.length; i++) await keystroke(0, typed[i], offset + i);
  for (let i = typed.length; i > 0; i--) await keystroke(1, '', offset + i - 1);
  await Promise.all(pending);
  return latencies;
}

function summary(latencies) {
  const finite = latencies.filter(Number.isFinite);
  return { edits: latencies.length, timeouts: latencies.length - finite.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}

async function latency() {
  const client = new LspClient();
  await client.initialize();
  const results = {};
  const cases = [
    { name: 'dockerfile', uri: pathToFileURL('/tmp/bulkhead-bench/latency/Dockerfile').href, languageId: 'dockerfile', text: bigDockerfile(), anchor: '\nRUN ', typed: [
      'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\n',
      'USER root\nADD https://example.com/tool.tar.gz /opt/\n',
    ] },
    { name: 'manifest', uri: pathToFileURL('/tmp/bulkhead-bench/latency/manifest.yaml').href, languageId: 'yaml', text: bigManifest(), anchor: '\n        image: ', typed: [
      '        securityContext:\n          privileged: true\n',
      '        ports:\n        - containerPort: 8080\n          hostPort: 8080\n',
    ] },
  ];
  for (const c of cases) {
    client.open(c.uri, c.languageId, c.text);
    await client.diagnosticsFor(c.uri, 20000);
    const all = [];
    // Type at two places: a third and two thirds into the file, at the start of a line of interest.
    for (const [k, typed] of c.typed.entries()) {
      const text = client.texts.get(c.uri);
      const at = text.indexOf(c.anchor, Math.floor((text.length * (k + 1)) / 3));
      const offset = (at < 0 ? text.lastIndexOf('\n', text.length / 2) : at) + 1;
      all.push(...(await typeAndMeasure(client, c.uri, offset, typed)));
    }
    results[c.name] = { lines: c.text.split('\n').length - 1, bytes: Buffer.byteLength(c.text), ...summary(all) };
  }
  await client.shutdown();
  return { model: client.pull ? 'pull' : 'push', incremental: client.incremental, keyIntervalMs: KEY_INTERVAL_MS, ...results };
}

async function coldstart() {
  const text = bigDockerfile(60);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const client = new LspClient();
    await client.initialize();
    const ready = performance.now() - client.t0;
    const uri = pathToFileURL(`/tmp/bulkhead-bench/cold-${i}/Dockerfile`).href;
    client.open(uri, 'dockerfile', text);
    const r = await client.diagnosticsFor(uri, 10000);
    runs.push({ initialized: ready, firstDiagnostics: r.at - client.t0, count: r.diagnostics.length });
    await client.shutdown();
  }
  return { runs, medianMs: median(runs.map((r) => r.firstDiagnostics)), medianInitializeMs: median(runs.map((r) => r.initialized)) };
}

async function rss() {
  const files = loadTree(dir);
  const client = new LspClient();
  await client.initialize();
  const pid = client.proc.pid;
  const before = rssOf(pid);
  const uris = [];
  for (let i = 0; i < 1000; i++) {
    const f = files[(i * 7) % files.length];
    const uri = pathToFileURL(`/tmp/bulkhead-bench/rss/doc-${i}/${f.kind === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml'}`).href;
    client.open(uri, f.kind === 'dockerfile' ? 'dockerfile' : 'yaml', f.text);
    uris.push(uri);
  }
  const t = performance.now();
  // Pull: ask for every document (as an editor does for visible ones and a workspace pull does for all).
  await Promise.all(uris.map((u) => client.diagnosticsFor(u, 60000)));
  const allDiagnosedMs = performance.now() - t;
  await sleep(500);
  const after = rssOf(pid);
  await client.shutdown();
  return { documents: uris.length, bytes: uris.reduce((a, _u, i) => a + files[(i * 7) % files.length].bytes, 0), allDiagnosedMs, startMB: before?.rssMB, peakMB: after?.peakMB, rssMB: after?.rssMB };
}

const run = { latency, coldstart, rss }[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
run().then((r) => emit({ mode, ...r }), (e) => {
  emit({ mode, error: String(e?.message ?? e) });
  process.exit(1);
});
