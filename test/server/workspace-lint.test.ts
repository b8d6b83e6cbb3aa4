/**
 * "Lint Workspace" through the built server over stdio: files on disk that were never opened get
 * diagnostics (`bulkhead/lintFiles`), a change on disk re-lints them, a delete (file or folder)
 * clears them, an open document takes over from its disk copy and hands back on close,
 * cancellation stops a request between files, `bulkhead/clearWorkspace` clears everything, and
 * open documents keep priority while a large workspace is linted. Also times the real-world
 * corpus (334 files) linted the way the client sends it (chunks of 25).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LintFilesResult } from '../../protocol/src/protocol';
import { TestClient, PULL_CAPABILITIES, PUSH_CAPABILITIES, repoRoot, withTimeout } from './lsp-client';

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real-world');
const uriOf = (p: string): string => pathToFileURL(p).href;
const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));

const DOCKERFILE = 'FROM node:latest\nRUN echo hello\n';
const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext:', '        privileged: true', ''].join('\n');
const COMPOSE = ['services:', '  web:', '    image: nginx:1.27', '    privileged: true', ''].join('\n');

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return uriOf(path);
}

function lintFiles(client: TestClient, files: string[], timeoutMs = 60_000): Promise<LintFilesResult> {
  return client.request<LintFilesResult>('bulkhead/lintFiles', { files }, timeoutMs);
}

function changed(client: TestClient, uri: string, type: 1 | 2 | 3): void {
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
}

function waitFor(client: TestClient, uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  return client.waitForDiagnostics(uri, accept, 10_000);
}

/** Every file under a folder (the client's findFiles, for the tests). */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('workspace lint over LSP (pull client, files never opened)', () => {
  let client: TestClient;
  let dir: string;
  const files: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-ws-'));
    files['dockerfile'] = write(join(dir, 'Dockerfile'), DOCKERFILE);
    files['pod'] = write(join(dir, 'k8s', 'pod.yaml'), POD);
    files['compose'] = write(join(dir, 'compose.yaml'), COMPOSE);
    files['plain'] = write(join(dir, 'notes.yaml'), 'title: not a manifest\n');
    files['named'] = write(join(dir, 'images', 'api_Dockerfile'), DOCKERFILE);
    files['big'] = write(join(dir, 'huge', 'Dockerfile'), `FROM node:latest\n${'# padding padding padding padding\n'.repeat(200_000)}`);
    files['legacy'] = write(join(dir, 'legacy', 'Dockerfile'), DOCKERFILE);
    files['config'] = write(join(dir, '.bulkhead.yaml'), 'ignorePaths:\n  - legacy/**\n');
    files['badConfig'] = write(join(dir, 'team', '.bulkhead.yaml'), 'rules:\n  DF001: loud\n');
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(dir), name: 'ws' }]);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics for files that were never opened', async () => {
    const result = await lintFiles(client, Object.values(files));
    assert.equal(result.cancelled, false);
    assert.equal(result.open, 0);
    assert.ok(codes(client.lastPublished(files['dockerfile']!)?.diagnostics ?? []).includes('DF001'));
    assert.ok(codes(client.lastPublished(files['pod']!)?.diagnostics ?? []).includes('K8S001'));
    assert.ok(codes(client.lastPublished(files['compose']!)?.diagnostics ?? []).includes('DC001'));
    assert.ok(codes(client.lastPublished(files['named']!)?.diagnostics ?? []).includes('DF001'), 'a name that only contains Dockerfile is linted as one (as in the CLI)');
    assert.equal(client.lastPublished(files['plain']!), undefined, 'plain YAML gets nothing');
    // Over the size limit: not read, one note on the file, reported as skipped.
    const big = client.lastPublished(files['big']!)?.diagnostics ?? [];
    assert.equal(big.length, 1);
    assert.match(big[0]!.message, /Not linted: the file is \d+\.\d MB, over Bulkhead's 5\.0 MB limit/);
    assert.ok(result.skipped.some((s) => s.uri === files['big'] && /limit/.test(s.reason)), JSON.stringify(result.skipped));
    // ignorePaths of the nearest .bulkhead.yaml: skipped with the reason, no diagnostics.
    assert.equal(client.lastPublished(files['legacy']!), undefined);
    assert.ok(result.skipped.some((s) => s.uri === files['legacy'] && /ignorePaths in .*\.bulkhead\.yaml/.test(s.reason)), JSON.stringify(result.skipped));
    // An invalid config file gets its problem on the config file itself, unopened.
    const bad = client.lastPublished(files['badConfig']!)?.diagnostics ?? [];
    assert.equal(bad.length, 1, JSON.stringify(bad));
    assert.equal(bad[0]!.code, 'config');
    assert.equal(bad[0]!.range.start.line, 1);
    assert.match(bad[0]!.message, /DF001/);
    assert.equal(result.linted + result.skipped.length, Object.keys(files).length);
  });

  it('re-lints a followed file when it changes on disk', async () => {
    write(join(dir, 'Dockerfile'), 'FROM node:22.11\nUSER node\n');
    changed(client, files['dockerfile']!, 2);
    const p = await waitFor(client, files['dockerfile']!, (x) => !codes(x.diagnostics).includes('DF001'));
    assert.ok(!codes(p.diagnostics).includes('DF001'));
    write(join(dir, 'Dockerfile'), DOCKERFILE);
    changed(client, files['dockerfile']!, 2);
    await waitFor(client, files['dockerfile']!, (x) => codes(x.diagnostics).includes('DF001'));
  });

  it('clears a deleted file, and every file of a deleted folder', async () => {
    rmSync(join(dir, 'compose.yaml'));
    changed(client, files['compose']!, 3);
    await waitFor(client, files['compose']!, (x) => x.diagnostics.length === 0);
    rmSync(join(dir, 'k8s'), { recursive: true });
    changed(client, uriOf(join(dir, 'k8s')), 3);
    await waitFor(client, files['pod']!, (x) => x.diagnostics.length === 0);
    // A file written again is not followed any more until the client lints it again.
    const before = client.allPublished.length;
    write(join(dir, 'compose.yaml'), COMPOSE);
    changed(client, files['compose']!, 1);
    await lintFiles(client, []);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(client.allPublished.slice(before).filter((p) => p.uri === files['compose']).length, 0);
  });

  it('re-lints the followed files when a config file changes on disk', async () => {
    write(join(dir, '.bulkhead.yaml'), 'rules:\n  DF001: off\n');
    changed(client, files['config']!, 2);
    await waitFor(client, files['dockerfile']!, (x) => !codes(x.diagnostics).includes('DF001'));
    await waitFor(client, files['legacy']!, (x) => codes(x.diagnostics).includes('DF006') || x.diagnostics.length > 0);
    write(join(dir, '.bulkhead.yaml'), 'ignorePaths:\n  - legacy/**\n');
    changed(client, files['config']!, 2);
    await waitFor(client, files['dockerfile']!, (x) => codes(x.diagnostics).includes('DF001'));
    await waitFor(client, files['legacy']!, (x) => x.diagnostics.length === 0);
  });

  it('hands a file over to the editor while it is open, and back when it closes', async () => {
    const uri = files['dockerfile']!;
    const before = client.allPublished.length;
    client.open(uri, 'dockerfile', 'FROM node:22.11\n');
    // Pull clients keep pushed and pulled diagnostics apart: the disk copy is cleared.
    await waitFor(client, uri, (x) => x.diagnostics.length === 0);
    write(join(dir, 'Dockerfile'), 'FROM alpine:latest\n');
    changed(client, uri, 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(client.allPublished.slice(before).filter((p) => p.uri === uri).every((p) => p.diagnostics.length === 0), 'an open file is never linted from disk');
    const lint = await lintFiles(client, [uri]);
    assert.equal(lint.open, 1);
    client.close(uri);
    const back = await waitFor(client, uri, (x) => x.diagnostics.some((d) => d.code === 'DF001' && /alpine:latest/.test(d.message)));
    assert.ok(back);
  });

  it('"Clear Workspace Problems" removes every disk diagnostic and stops following the files', async () => {
    const result = await client.request<{ cleared: number }>('bulkhead/clearWorkspace', {});
    assert.ok(result.cleared >= 3, JSON.stringify(result));
    for (const key of ['dockerfile', 'named', 'big', 'badConfig']) assert.deepEqual(client.lastPublished(files[key]!)?.diagnostics, [], key);
    const before = client.allPublished.length;
    write(join(dir, 'Dockerfile'), DOCKERFILE);
    changed(client, files['dockerfile']!, 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(client.allPublished.length, before, 'nothing is re-linted after a clear');
  });
});

describe('workspace lint over LSP (large workspace: cancellation, priority)', () => {
  let client: TestClient;
  let dir: string;
  const many: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-ws-many-'));
    for (let i = 0; i < 300; i++) many.push(write(join(dir, `svc${i}`, i % 2 === 0 ? 'Dockerfile' : 'pod.yaml'), i % 2 === 0 ? DOCKERFILE : POD));
    client = await TestClient.start(PUSH_CAPABILITIES, undefined, [{ uri: uriOf(dir), name: 'many' }]);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops between files when the request is cancelled', async () => {
    const source = new CancellationTokenSource();
    const first = client.waitForDiagnostics(many[0]!, () => true, 10_000);
    const pending = withTimeout(client.connection.sendRequest<LintFilesResult>('bulkhead/lintFiles', { files: many }, source.token), 30_000, 'lintFiles');
    await first;
    source.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.linted >= 1 && result.linted < many.length, `linted ${result.linted} of ${many.length}`);
    const publishedAfter = new Set(client.allPublished.map((p) => p.uri));
    assert.ok(publishedAfter.size < many.length);
    await client.request('bulkhead/clearWorkspace', {});
  });

  it('keeps open documents first: an edit is answered while 300 files are linted (latency printed)', async (t) => {
    const uri = 'file:///work/typing/Dockerfile';
    client.open(uri, 'dockerfile', DOCKERFILE);
    await client.diagnosticsOfCurrentVersion(uri);
    const started = performance.now();
    const whole = lintFiles(client, many);
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      client.change(uri, i % 2 === 0 ? 'FROM node:22.11\n' : DOCKERFILE);
      await client.diagnosticsOfCurrentVersion(uri);
      latencies.push(performance.now() - t0);
    }
    const result = await whole;
    const total = performance.now() - started;
    assert.equal(result.cancelled, false);
    assert.equal(result.linted, many.length);
    latencies.sort((a, b) => a - b);
    const p50 = latencies[5]!;
    const max = latencies[latencies.length - 1]!;
    const line = `edit → diagnostics during a 300-file workspace lint: median ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms (push debounce 100 ms included); workspace lint ${total.toFixed(0)} ms`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(max < 1_000, line);
  });
});

describe('workspace lint of the real-world corpus (334 files)', () => {
  it('lints every file the way the client sends them (chunks of 25) and prints the time', async (t) => {
    if (!existsSync(corpus)) {
      if (process.env['CI']) assert.fail(`corpus missing: ${corpus}`);
      t.skip(`corpus missing at ${corpus}`);
      return;
    }
    const copy = mkdtempSync(join(tmpdir(), 'bulkhead-ws-corpus-'));
    cpSync(corpus, copy, { recursive: true });
    const client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(copy), name: 'real-world' }]);
    try {
      const all = walk(copy).map(uriOf);
      assert.equal(all.length, 334);
      const started = performance.now();
      const cpuBefore = client.cpuMs();
      const totals = { linted: 0, skipped: 0, problems: 0, open: 0 };
      for (let i = 0; i < all.length; i += 25) {
        const r = await lintFiles(client, all.slice(i, i + 25));
        assert.equal(r.cancelled, false);
        totals.linted += r.linted;
        totals.skipped += r.skipped.length;
        totals.problems += r.problems;
      }
      const ms = performance.now() - started;
      const cpuAfter = client.cpuMs();
      const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? `, server CPU ${cpuAfter - cpuBefore} ms` : '';
      const withProblems = new Set(client.allPublished.filter((p) => p.diagnostics.length > 0).map((p) => p.uri)).size;
      const line = `real-world corpus via bulkhead/lintFiles: ${all.length} files (${totals.linted} linted, ${totals.skipped} skipped) in ${ms.toFixed(0)} ms wall${cpu}, load average ${loadavg()[0]?.toFixed(1)}; ${totals.problems} diagnostics on ${withProblems} files`;
      t.diagnostic(line);
      console.log(line);
      assert.equal(totals.linted + totals.skipped, all.length);
      assert.ok(withProblems > 50, line);
      assert.equal(client.stderr.join(''), '');
    } finally {
      await client.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
