// Language-server measurements through the real built server over stdio:
//   node scripts/bench/lsp.mjs latency <dir>   typing-speed edits → diagnostics, p50/p95/max
//   node scripts/bench/lsp.mjs coldstart       spawn → first diagnostics of a Dockerfile (median of 5, code cache warm; and without it)
//   node scripts/bench/lsp.mjs rss <dir>       peak RSS after opening 1,000 documents
// <dir> is the replicated corpus. Push (publishDiagnostics) or pull (textDocument/diagnostic) is
// chosen from the server's capabilities.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emit, percentile, median, CORPUS, loadTree } from './common.mjs';
import { LspClient, rssOf, cpuMsOf } from './lsp-client.mjs';

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
 * Pull mode follows VS Code's client: at most one outstanding pull per document; a change while a
 * pull runs cancels it and pulls again when it returns. Push mode waits for the publish whose
 * version is at least the keystroke's.
 */
async function typeAndMeasure(client, uri, offset, typed) {
  const latencies = [];
  const pushed = [];
  const waiting = [];
  let outstanding;
  let again = false;
  let settled;
  const allSettled = new Promise((r) => (settled = r));
  let typing = true;
  // The server may answer an edit before its schema diagnostics are ready and then send a
  // refresh: pull again, as VS Code does (the extra pulls load the server like in the editor).
  const onRefresh = () => {
    if (!client.pull) return;
    if (outstanding) again = true;
    else pull();
  };
  client.refreshListeners.push(onRefresh);
  const pull = () => {
    const version = client.versions.get(uri);
    const source = client.cancellation();
    outstanding = source;
    client.pullDiagnostics(uri, source.token).then(
      (r) => {
        for (let i = waiting.length - 1; i >= 0; i--) {
          if (waiting[i].version <= version) {
            latencies.push(r.at - waiting[i].t);
            waiting.splice(i, 1);
          }
        }
      },
      () => undefined,
    ).finally(() => {
      outstanding = undefined;
      if (again || waiting.length > 0) {
        again = false;
        pull();
      } else if (!typing) settled();
    });
  };
  const keystroke = async (del, ins, at) => {
    const t = performance.now();
    const version = client.edit(uri, at, del, ins);
    if (client.pull) {
      waiting.push({ version, t });
      if (outstanding) {
        outstanding.cancel();
        again = true;
      } else pull();
    } else {
      pushed.push(client.waitPublish(uri, version, 60000).then((r) => latencies.push(r.at - t), () => latencies.push(Infinity)));
    }
    await sleep(KEY_INTERVAL_MS);
  };
  for (let i = 0; i < typed.length; i++) await keystroke(0, typed[i], offset + i);
  for (let i = typed.length; i > 0; i--) await keystroke(1, '', offset + i - 1);
  typing = false;
  if (client.pull) {
    if (outstanding || waiting.length > 0) await allSettled;
  } else {
    await Promise.all(pushed);
  }
  client.refreshListeners.splice(client.refreshListeners.indexOf(onRefresh), 1);
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
    // Service time of one edit + diagnostics round trip with nothing queued (10 edits, median).
    // When the server sends a refresh after answering (schema diagnostics of the edited YAML
    // document validated after the answer), `complete` is the time until the pull after it
    // returned; server CPU includes that work.
    const single = [];
    const complete = [];
    const cpu0 = cpuMsOf(client.proc.pid);
    for (let i = 0; i < 10; i++) {
      const refreshes = client.refreshCount;
      const t = performance.now();
      client.edit(c.uri, c.text.length - 1, 0, i % 2 === 0 ? '#' : '');
      if (i % 2 === 1) client.edit(c.uri, c.text.length - 1, 1, '');
      await client.diagnosticsFor(c.uri, 60000);
      single.push(performance.now() - t);
      // A refresh comes within milliseconds of the answer when it comes at all.
      const deadline = performance.now() + 250;
      while (client.refreshCount === refreshes && performance.now() < deadline) await sleep(1);
      if (client.refreshCount !== refreshes) await client.diagnosticsFor(c.uri, 60000);
      complete.push(client.refreshCount !== refreshes ? performance.now() - t : single[single.length - 1]);
    }
    const singleCpuMs = (cpuMsOf(client.proc.pid) - cpu0) / 10;
    results[c.name] = { lines: c.text.split('\n').length - 1, bytes: Buffer.byteLength(c.text), ...summary(all), singleMs: median(single), singleCompleteMs: median(complete), singleCpuMs };
  }
  await client.shutdown();
  return { model: client.pull ? 'pull' : 'push', incremental: client.incremental, keyIntervalMs: KEY_INTERVAL_MS, ...results };
}

/**
 * One start: spawn → initialize → didOpen → first diagnostics, with `env` added to the server's
 * environment. CPU is the server's user + system time at that moment (load-independent).
 */
async function startOnce(text, i, env = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let client;
  try {
    client = new LspClient();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  await client.initialize();
  const ready = performance.now() - client.t0;
  const uri = pathToFileURL(`/tmp/bulkhead-bench/cold-${i}/Dockerfile`).href;
  client.open(uri, 'dockerfile', text);
  const r = await client.diagnosticsFor(uri, 10000);
  const cpuMs = cpuMsOf(client.proc.pid);
  const mem = rssOf(client.proc.pid);
  await client.shutdown();
  return { initialized: ready, firstDiagnostics: r.at - client.t0, cpuMs, rssMB: mem?.rssMB, count: r.diagnostics.length };
}

/**
 * Cold start, as a user sees it on every editor start after the first: the server bundles' V8
 * code cache exists (server/out/.code-cache, written when a server exits). A first start makes
 * sure of that; then the median of 5. Also the first start ever (no cache: BULKHEAD_CODE_CACHE=0
 * compiles exactly as a server without a cache does), median of 3.
 */
async function coldstart() {
  const text = bigDockerfile(60);
  const noCache = [];
  for (let i = 0; i < 3; i++) noCache.push(await startOnce(text, i, { BULKHEAD_CODE_CACHE: '0' }));
  await startOnce(text, 'warm');
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await startOnce(text, i));
  return {
    runs,
    medianMs: median(runs.map((r) => r.firstDiagnostics)),
    medianInitializeMs: median(runs.map((r) => r.initialized)),
    medianCpuMs: median(runs.map((r) => r.cpuMs)),
    noCache: { runs: noCache, medianMs: median(noCache.map((r) => r.firstDiagnostics)), medianCpuMs: median(noCache.map((r) => r.cpuMs)) },
  };
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
  const cpu0 = cpuMsOf(pid);
  // Pull: ask for every document (as an editor does for visible ones and a workspace pull does for all).
  await Promise.all(uris.map((u) => client.diagnosticsFor(u, 60000)));
  const allDiagnosedMs = performance.now() - t;
  const allDiagnosedCpuMs = cpuMsOf(pid) - cpu0;
  await sleep(500);
  const after = rssOf(pid);
  await client.shutdown();
  return { documents: uris.length, bytes: uris.reduce((a, _u, i) => a + files[(i * 7) % files.length].bytes, 0), allDiagnosedMs, allDiagnosedCpuMs, startMB: before?.rssMB, peakMB: after?.peakMB, rssMB: after?.rssMB };
}

/** Profiles the server (node --cpu-prof into <dir>) over 20 edit + diagnostics round trips of the manifest and the Dockerfile. */
async function profile() {
  const client = new LspClient(undefined, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  await client.initialize();
  for (const [uri, languageId, text] of [[pathToFileURL('/tmp/bulkhead-bench/prof/manifest.yaml').href, 'yaml', bigManifest()], [pathToFileURL('/tmp/bulkhead-bench/prof/Dockerfile').href, 'dockerfile', bigDockerfile()]]) {
    client.open(uri, languageId, text);
    await client.diagnosticsFor(uri, 60000);
    for (let i = 0; i < 20; i++) {
      client.edit(uri, text.length - 1, 0, '#');
      await client.diagnosticsFor(uri, 60000);
      client.edit(uri, text.length - 1, 1, '');
      await client.diagnosticsFor(uri, 60000);
    }
  }
  await client.shutdown();
  return { dir };
}

const run = { latency, coldstart, rss, profile }[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
run().then((r) => emit({ mode, ...r }), (e) => {
  emit({ mode, error: String(e?.message ?? e) });
  process.exit(1);
});
