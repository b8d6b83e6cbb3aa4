/**
 * The language server through its real entry point: the built server/out/server.js started as a
 * child process, spoken to over stdio. Covers diagnostics for each file kind, hover, code
 * actions (order, titles, versioned edits), applying fixes and ignore comments, bad input, and
 * prints the observed didChange → diagnostics latency.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES, applyTextEdits, repoRoot } from './lsp-client';

const DOCKERFILE = 'FROM node:latest\nRUN echo hello\n';
const MANIFEST = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');
const COMPOSE = ['services:', '  web:', '    image: nginx:1.27', '    privileged: true', ''].join('\n');

const URI = {
  dockerfile: 'file:///work/project/Dockerfile',
  manifest: 'file:///work/project/k8s/pod.yaml',
  compose: 'file:///work/project/compose.yaml',
};

function byCode(ds: Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

function only(ds: Diagnostic[], code: string): Diagnostic {
  const found = byCode(ds, code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(ds.map((d) => d.code))}`);
  return found[0]!;
}

function editsOf(action: CodeAction, uri: string, version: number): Parameters<typeof applyTextEdits>[1] {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `action '${action.title}' has no documentChanges`);
  const tde = changes[0] as TextDocumentEdit;
  assert.equal(tde.textDocument.uri, uri);
  assert.equal(tde.textDocument.version, version, 'edit must be bound to the document version it was computed for');
  return tde.edits as Parameters<typeof applyTextEdits>[1];
}

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'no hover');
  const c = h.contents as { kind?: string; value?: string };
  assert.equal(c.kind, 'markdown');
  return c.value ?? '';
}

describe('language server over stdio (push diagnostics)', () => {
  let client: TestClient;
  const texts = new Map<string, string>();

  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
  });

  async function codeActions(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
  }

  async function applyAndWait(uri: string, action: CodeAction): Promise<{ diagnostics: Diagnostic[]; ms: number }> {
    const before = texts.get(uri) ?? '';
    const next = applyTextEdits(before, editsOf(action, uri, client.version(uri)));
    texts.set(uri, next);
    const started = performance.now();
    client.change(uri, next);
    const diagnostics = await client.diagnosticsOfCurrentVersion(uri);
    return { diagnostics, ms: performance.now() - started };
  }

  it('announces its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps['hoverProvider']);
    assert.ok(caps['codeActionProvider']);
    assert.ok(caps['completionProvider']);
    assert.equal(caps['diagnosticProvider'], undefined, 'a client without pull support gets push diagnostics');
  });

  it('publishes Bulkhead diagnostics for a Dockerfile, a manifest and a Compose file', async () => {
    texts.set(URI.dockerfile, DOCKERFILE);
    texts.set(URI.manifest, MANIFEST);
    texts.set(URI.compose, COMPOSE);
    client.open(URI.dockerfile, 'dockerfile', DOCKERFILE);
    client.open(URI.manifest, 'yaml', MANIFEST);
    client.open(URI.compose, 'yaml', COMPOSE);
    const df = only(await client.diagnosticsOfCurrentVersion(URI.dockerfile), 'DF001');
    assert.equal(df.source, 'bulkhead');
    assert.deepEqual(df.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 16 } });
    assert.equal(df.severity, 2);
    assert.match(df.codeDescription?.href ?? '', /\/docs\/rules\/DF001\.md$/);
    assert.deepEqual(df.data, { ruleId: 'DF001', fixable: 'none', hasFix: false, suggestions: 0 });
    assert.match(df.message, /node:latest/);

    const k8s = only(await client.diagnosticsOfCurrentVersion(URI.manifest), 'K8S001');
    assert.equal(k8s.source, 'bulkhead');
    assert.equal(k8s.severity, 1);
    assert.deepEqual(k8s.range, { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } });
    assert.match(k8s.codeDescription?.href ?? '', /K8S001\.md$/);

    const dc = only(await client.diagnosticsOfCurrentVersion(URI.compose), 'DC001');
    assert.deepEqual(dc.range, { start: { line: 3, character: 16 }, end: { line: 3, character: 20 } });
    assert.equal(dc.source, 'bulkhead');
  });

  it('hovers a flagged range with what is wrong, why, how to fix and the anchor ids', async () => {
    const md = markdownOf(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI.manifest }, position: { line: 9, character: 22 } }));
    assert.match(md, /K8S001 · Containers must not run privileged/);
    assert.match(md, /\*\*Here:\*\* Container 'app' runs privileged\./);
    assert.match(md, /\*\*Why it matters\*\*/);
    assert.match(md, /\*\*How to fix\*\*/);
    assert.match(md, /\*\*Equivalent rules\*\*/);
    assert.match(md, /CKV_K8S_16/);
    assert.match(md, /baseline:privileged/);
    const dfmd = markdownOf(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI.dockerfile }, position: { line: 0, character: 12 } }));
    assert.match(dfmd, /DF001/);
    assert.match(dfmd, /DL3007/);
  });

  it('orders code actions: fix, suggestions, ignore line, ignore file, docs', async () => {
    const ds = await client.diagnosticsOfCurrentVersion(URI.manifest);
    const actions = await codeActions(URI.manifest, only(ds, 'K8S001'));
    const titles = actions.map((a) => a.title);
    const tail = titles.slice(-3);
    assert.deepEqual(tail, ['Ignore K8S001 on this line', 'Ignore K8S001 in this file', 'Show documentation for K8S001']);
    assert.ok(titles.indexOf('Set privileged: false') >= 0 && titles.indexOf('Set privileged: false') < titles.length - 3, titles.join(' | '));
    const docs = actions[actions.length - 1]!;
    assert.deepEqual(docs.command, { title: 'Show documentation for K8S001', command: 'bulkhead.showRuleDocs', arguments: ['K8S001'] });
    for (const a of actions) assert.equal(a.kind, 'quickfix');
  });

  it('applies the fix edit; after didChange the diagnostic is gone (latency printed)', async (t) => {
    const ds = await client.diagnosticsOfCurrentVersion(URI.manifest);
    const old = only(ds, 'K8S001');
    const fix = (await codeActions(URI.manifest, old)).find((a) => a.title === 'Set privileged: false');
    assert.ok(fix);
    const { diagnostics, ms } = await applyAndWait(URI.manifest, fix);
    assert.equal(byCode(diagnostics, 'K8S001').length, 0);
    assert.match(texts.get(URI.manifest) ?? '', /privileged: false/);
    t.diagnostic(`didChange → publishDiagnostics after applying the fix: ${ms.toFixed(1)} ms`);
    // The old diagnostic now describes nothing: no edit may be offered for it.
    const stale = await codeActions(URI.manifest, old);
    assert.deepEqual(stale.filter((a) => a.edit !== undefined), []);
  });

  it('measures didChange → diagnostics latency over 20 edits', async (t) => {
    const samples: number[] = [];
    let text = texts.get(URI.dockerfile) ?? DOCKERFILE;
    for (let i = 0; i < 20; i++) {
      text = i % 2 === 0 ? text.replace('hello', 'hello!') : text.replace('hello!', 'hello');
      const started = performance.now();
      client.change(URI.dockerfile, text);
      const ds = await client.diagnosticsOfCurrentVersion(URI.dockerfile);
      samples.push(performance.now() - started);
      assert.equal(byCode(ds, 'DF001').length, 1);
    }
    texts.set(URI.dockerfile, text);
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)] ?? 0;
    const line = `didChange → publishDiagnostics latency (push, 100 ms debounce included): median ${median.toFixed(1)} ms, min ${samples[0]?.toFixed(1)} ms, max ${samples[samples.length - 1]?.toFixed(1)} ms over ${samples.length} edits`;
    t.diagnostic(line);
    console.log(line);
    assert.ok(median < 1000, line);
  });

  it('"Ignore on this line" inserts an indented comment that silences the finding', async () => {
    const ds = await client.diagnosticsOfCurrentVersion(URI.compose);
    const ignore = (await codeActions(URI.compose, only(ds, 'DC001'))).find((a) => a.title === 'Ignore DC001 on this line');
    assert.ok(ignore);
    const { diagnostics } = await applyAndWait(URI.compose, ignore);
    assert.equal(texts.get(URI.compose), ['services:', '  web:', '    image: nginx:1.27', '    # bulkhead-ignore DC001', '    privileged: true', ''].join('\n'));
    assert.equal(byCode(diagnostics, 'DC001').length, 0);
    assert.equal(byCode(diagnostics, 'unused-suppression').length, 0, 'the new comment is used');
  });

  it('sends a status for the language status item (rules, lint time, suppressed count)', async () => {
    await client.diagnosticsOfCurrentVersion(URI.compose);
    const s = client.statuses.get(URI.compose);
    assert.ok(s, 'no bulkhead/status for the compose file');
    assert.equal(s['kind'], 'compose');
    assert.equal(s['suppressed'], 1, 'the DC001 finding silenced by the ignore comment');
    assert.equal(s['unusedSuppressions'], 0);
    assert.ok(typeof s['activeRules'] === 'number' && s['activeRules'] > 0);
    assert.ok(typeof s['durationMs'] === 'number' && s['durationMs'] >= 0);
    assert.ok(!Number.isNaN(Date.parse(String(s['lintedAt']))));
    assert.deepEqual(s['crashedRules'], []);
  });

  it('"Ignore in this file" silences the rule for the whole file', async () => {
    const ds = await client.diagnosticsOfCurrentVersion(URI.dockerfile);
    const ignore = (await codeActions(URI.dockerfile, only(ds, 'DF001'))).find((a) => a.title === 'Ignore DF001 in this file');
    assert.ok(ignore);
    const { diagnostics } = await applyAndWait(URI.dockerfile, ignore);
    assert.ok(texts.get(URI.dockerfile)?.startsWith('# bulkhead-ignore-file DF001\nFROM node:latest'));
    assert.equal(byCode(diagnostics, 'DF001').length, 0);
  });

  it('puts the ignore comment above the whole instruction in a Dockerfile', async () => {
    const uri = 'file:///work/project/multi/Dockerfile';
    const text = 'FROM --platform=linux/amd64 \\\n  node:latest\n';
    texts.set(uri, text);
    client.open(uri, 'dockerfile', text);
    const d = only(await client.diagnosticsOfCurrentVersion(uri), 'DF001');
    assert.equal(d.range.start.line, 1);
    const ignore = (await codeActions(uri, d)).find((a) => a.title === 'Ignore DF001 on this line');
    assert.ok(ignore);
    const { diagnostics } = await applyAndWait(uri, ignore);
    assert.equal(texts.get(uri), '# bulkhead-ignore DF001\nFROM --platform=linux/amd64 \\\n  node:latest\n');
    assert.equal(byCode(diagnostics, 'DF001').length, 0);
  });

  it('marks an unused ignore id as unnecessary and offers to remove it', async () => {
    const uri = 'file:///work/project/unused/Dockerfile';
    const text = '# bulkhead-ignore DF001 -- pinned below\nFROM node:22.11\n';
    texts.set(uri, text);
    client.open(uri, 'dockerfile', text);
    const d = only(await client.diagnosticsOfCurrentVersion(uri), 'unused-suppression');
    assert.equal(d.severity, 4);
    assert.deepEqual(d.tags, [1]);
    assert.deepEqual(d.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 23 } });
    const remove = (await codeActions(uri, d)).find((a) => a.title === 'Remove unused suppression DF001');
    assert.ok(remove);
    const { diagnostics } = await applyAndWait(uri, remove);
    assert.equal(texts.get(uri), 'FROM node:22.11\n');
    assert.equal(byCode(diagnostics, 'unused-suppression').length, 0);
  });

  it('offers the safe fix first (preferred) and source.fixAll.bulkhead applies only safe fixes', async () => {
    const uri = 'file:///work/project/safe/Dockerfile';
    const text = 'FROM alpine:3.20\nADD app.py /app/\nADD conf.ini /etc/conf.ini\nUSER app\n';
    texts.set(uri, text);
    client.open(uri, 'dockerfile', text);
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    const safe = ds.filter((d) => (d.data as { fixable?: string; hasFix?: boolean } | undefined)?.hasFix === true && (d.data as { fixable?: string }).fixable === 'safe');
    assert.ok(safe.length >= 2, JSON.stringify(ds.map((d) => [d.code, d.data])));
    const first = safe[0]!;
    const actions = await codeActions(uri, first);
    assert.equal(actions[0]?.isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    assert.deepEqual(actions.slice(-3).map((a) => a.title), [`Ignore ${String(first.code)} on this line`, `Ignore ${String(first.code)} in this file`, `Show documentation for ${String(first.code)}`]);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.bulkhead'] } });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]?.kind, 'source.fixAll.bulkhead');
    const { diagnostics } = await applyAndWait(uri, fixAll[0]!);
    const left = diagnostics.filter((d) => (d.data as { fixable?: string; hasFix?: boolean } | undefined)?.hasFix === true && (d.data as { fixable?: string }).fixable === 'safe');
    assert.deepEqual(left.map((d) => d.code), [], texts.get(uri));
    assert.match(texts.get(uri) ?? '', /COPY app\.py \/app\//);
    const quickOnly = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(quickOnly.filter((a) => a.kind === 'source.fixAll.bulkhead'), []);
  });

  it('reports malformed YAML as a yaml diagnostic and keeps serving', async () => {
    const uri = 'file:///work/project/k8s/broken.yaml';
    client.open(uri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: [\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    const yaml = ds.filter((d) => d.source === 'yaml');
    assert.ok(yaml.length > 0, JSON.stringify(ds));
    assert.equal(yaml[0]?.severity, 1);
    assert.ok(client.alive);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  });

  it('gives a clear message for huge and binary documents', async () => {
    const huge = 'file:///work/project/huge/Dockerfile';
    client.open(huge, 'dockerfile', 'FROM alpine:3.20\n' + 'RUN echo 0123456789012345678901234567890123456789\n'.repeat(110_000));
    const hd = await client.diagnosticsOfCurrentVersion(huge, 20_000);
    assert.equal(hd.length, 1, JSON.stringify(hd.slice(0, 3)));
    assert.match(hd[0]!.message, /larger than 5 MB/);
    assert.equal(hd[0]!.severity, 2);
    const started = performance.now();
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: huge }, position: { line: 1, character: 0 } }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: huge } }), []);
    assert.ok(performance.now() - started < 2000, 'editing requests on a huge file return at once');
    const bin = 'file:///work/project/bin/Dockerfile';
    client.open(bin, 'dockerfile', 'FROM alpine\u0000\u0001\u0002');
    const bd = await client.diagnosticsOfCurrentVersion(bin);
    assert.equal(bd.length, 1);
    assert.match(bd[0]!.message, /binary/);
    assert.ok(client.alive);
  });

  it('serves Dockerfile syntax diagnostics without duplicating lint checks', async () => {
    const uri = 'file:///work/project/syntax/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM alpine:3.20\nFORM x\nMAINTAINER me\nworkdir app\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    const syntax = ds.filter((d) => d.source === 'dockerfile-utils');
    assert.equal(syntax.length, 1, JSON.stringify(syntax));
    assert.equal(syntax[0]?.range.start.line, 1, 'the unknown instruction FORM');
  });

  it('fixes Dockerfile syntax problems with versioned edits', async () => {
    const uri = 'file:///work/project/syntaxfix/Dockerfile';
    const text = 'FROM alpine:3.20 as build\nHEALTHCHECK --interva=30s CMD true\n';
    texts.set(uri, text);
    client.open(uri, 'dockerfile', text);
    const syntax = (await client.diagnosticsOfCurrentVersion(uri)).filter((d) => d.source === 'dockerfile-utils');
    const flag = syntax.find((d) => d.range.start.line === 1);
    assert.ok(flag, JSON.stringify(syntax));
    const fix = (await codeActions(uri, flag)).find((a) => a.title === 'Convert to --interval');
    assert.ok(fix, 'dockerfile-language-service offers the flag fix');
    const { diagnostics } = await applyAndWait(uri, fix);
    assert.match(texts.get(uri) ?? '', /HEALTHCHECK --interval=30s CMD true/);
    assert.deepEqual(diagnostics.filter((d) => d.source === 'dockerfile-utils' && d.range.start.line === 1), []);
  });

  it('serves Dockerfile completion, formatting and symbols', async () => {
    const uri = 'file:///work/project/edit/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM alpine:3.20\n   RUN echo hi\n\n');
    const items = await client.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.some((l) => l.startsWith('HEALTHCHECK')) && labels.some((l) => l.startsWith('USER')), labels.join(','));
    const tagItems = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 14 } });
    assert.deepEqual(tagItems, [], 'no tag completion (it would need the network)');
    const edits = await client.request<{ newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(edits.length > 0, 'the indented RUN is re-indented');
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['FROM', 'RUN']);
    const hover = markdownOf(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } }));
    assert.match(hover, /RUN|command/i);
  });
});

describe('language server over stdio (pull diagnostics, settings)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(PULL_CAPABILITIES);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  interface Report {
    kind: 'full' | 'unchanged';
    resultId?: string;
    items?: Diagnostic[];
  }
  const pull = (uri: string, previousResultId?: string): Promise<Report> => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

  it('answers textDocument/diagnostic and reports unchanged results', async (t) => {
    assert.deepEqual(client.initializeResult.capabilities['diagnosticProvider'], { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = 'file:///work/pull/Dockerfile';
    client.open(uri, 'dockerfile', DOCKERFILE);
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    assert.equal(byCode(first.items ?? [], 'DF001').length, 1);
    const again = await pull(uri, first.resultId);
    assert.equal(again.kind, 'unchanged');
    const started = performance.now();
    client.change(uri, 'FROM node:22.11\n');
    const after = await pull(uri, first.resultId);
    const ms = performance.now() - started;
    assert.equal(after.kind, 'full');
    assert.equal(byCode(after.items ?? [], 'DF001').length, 0);
    t.diagnostic(`didChange → pulled diagnostics (no debounce): ${ms.toFixed(1)} ms`);
    console.log(`didChange → pulled diagnostics (pull mode, no server debounce): ${ms.toFixed(1)} ms`);
  });

  it('re-reads per-resource settings after didChangeConfiguration and asks for a refresh', async () => {
    const uri = 'file:///work/pull/settings/Dockerfile';
    client.open(uri, 'dockerfile', DOCKERFILE);
    const before = await pull(uri);
    assert.equal(byCode(before.items ?? [], 'DF001')[0]?.severity, 2);
    client.settings = { severityOverrides: { DF001: 'error' } };
    const refreshed = client.waitForRefresh();
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: client.settings } });
    await refreshed;
    const upgraded = await pull(uri);
    assert.equal(byCode(upgraded.items ?? [], 'DF001')[0]?.severity, 1);
    client.settings = { disabledRules: ['latest-tag'] };
    const refreshed2 = client.waitForRefresh();
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: client.settings } });
    await refreshed2;
    assert.equal(byCode((await pull(uri)).items ?? [], 'DF001').length, 0);
    client.settings = { enable: false };
    const refreshed3 = client.waitForRefresh();
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: client.settings } });
    await refreshed3;
    assert.deepEqual((await pull(uri)).items, []);
    client.settings = {};
  });

  it('serves rule documentation offline', async () => {
    const page = await client.request<{ id: string; markdown: string } | null>('bulkhead/ruleDocs', { id: 'latest-tag' });
    assert.equal(page?.id, 'DF001');
    assert.match(page?.markdown ?? '', /^# DF001 · /);
    assert.match(page?.markdown ?? '', /## How to suppress/);
    assert.equal(await client.request('bulkhead/ruleDocs', { id: 'NOPE999' }), null);
  });
});

describe('language server over stdio (config files)', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-lsp-'));
    client = await TestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the nearest .bulkhead.yaml and re-lints when it changes on disk', async () => {
    const config = join(dir, '.bulkhead.yaml');
    writeFileSync(config, 'rules:\n  DF001: off\n');
    mkdirSync(join(dir, 'svc'));
    const uri = pathToFileURL(join(dir, 'svc', 'Dockerfile')).href;
    client.open(uri, 'dockerfile', DOCKERFILE);
    assert.equal(byCode(await client.diagnosticsOfCurrentVersion(uri), 'DF001').length, 0);
    writeFileSync(config, 'rules:\n  DF001: error\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const p = await client.waitForDiagnostics(uri, (x) => byCode(x.diagnostics, 'DF001').length === 1);
    assert.equal(byCode(p.diagnostics, 'DF001')[0]?.severity, 1);
    assert.deepEqual(client.statuses.get(uri)?.['configFiles'], [config]);
  });

  it('reports problems of an open config file on that file', async () => {
    const uri = pathToFileURL(join(dir, 'other', '.bulkhead.yaml')).href;
    client.open(uri, 'yaml', 'rules:\n  DF001: off\nprofle: restricted\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    const d = only(ds, 'config');
    assert.equal(d.range.start.line, 2);
    assert.match(d.message, /Unknown setting 'profle'/);
    assert.deepEqual(ds.filter((x) => x.source === 'bulkhead-schema'), [], 'reported once, by the config parser');
    const items = await client.request<{ items?: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const labels = (Array.isArray(items) ? items : items.items ?? []).map((i) => i.label);
    assert.ok(labels.includes('ignorePaths') && labels.includes('trustedRegistries'), `config keys complete from the schema: ${labels.join(',')}`);
  });
});

describe('language server over stdio (YAML schemas)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });
  const schemaOnly = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.source === 'bulkhead-schema');

  it('validates Compose files against the bundled compose-spec schema', async () => {
    const uri = 'file:///work/schemas/compose.yaml';
    client.open(uri, 'yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports: 12\n    bogus: 1\n');
    const ds = schemaOnly(await client.diagnosticsOfCurrentVersion(uri));
    assert.deepEqual(ds.map((d) => [d.range.start.line, d.message]), [[3, 'Incorrect type. Expected "array".'], [4, 'Property bogus is not allowed.']]);
  });

  it('validates Kubernetes kinds against the generated schema and leaves custom resources alone', async () => {
    const uri = 'file:///work/schemas/pod.yaml';
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resourcez: {}\n      ports:\n        - containerPort: "eighty"\n---\napiVersion: example.com/v1\nkind: Widget\nspec: {anything: 1}\n';
    client.open(uri, 'yaml', text);
    const ds = schemaOnly(await client.diagnosticsOfCurrentVersion(uri));
    // The empty `annotations:` (null) is accepted, as the API server accepts it.
    assert.deepEqual(ds.map((d) => [d.range.start.line, d.message]).sort(), [[11, 'Incorrect type. Expected "number".'], [9, 'Property resourcez is not allowed.']].sort());
  });

  it('completes and hovers Kubernetes fields from the schema', async () => {
    const uri = 'file:///work/schemas/complete.yaml';
    client.open(uri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      imagePullPolicy: Always\n      \n');
    await client.diagnosticsOfCurrentVersion(uri);
    const items = await client.request<{ items?: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 6 } });
    const labels = (Array.isArray(items) ? items : items.items ?? []).map((i) => i.label);
    assert.ok(labels.includes('securityContext'), labels.join(','));
    const onSpace = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 6 }, context: { triggerKind: 2, triggerCharacter: ' ' } });
    assert.deepEqual(onSpace, [], 'Dockerfile trigger characters do not pop up YAML suggestions');
    const md = markdownOf(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 9 } }));
    assert.match(md, /Always, Never, IfNotPresent/);
  });

  it('does not repeat YAML syntax errors as schema errors', async () => {
    const uri = 'file:///work/schemas/broken/compose.yaml';
    client.open(uri, 'yaml', 'services:\n  web: {image: nginx\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    const syntax = ds.filter((d) => d.source === 'yaml');
    assert.ok(syntax.length > 0);
    const others = ds.filter((d) => d.source !== 'yaml' && d.source !== 'bulkhead');
    assert.deepEqual(others, [], 'only Bulkhead\'s own parser reports the syntax error');
  });

  it('measures didChange → diagnostics latency on a manifest with schema validation', async (t) => {
    const uri = 'file:///work/schemas/deploy.yaml';
    const doc = (i: number): string => Array.from({ length: 10 }, (_, n) => [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: web-${n}`, 'spec:', '  replicas: 2', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:',
      '        - name: app', `          image: nginx:1.27.${i}`, '          ports:', '            - containerPort: 8080', '          securityContext:', '            privileged: true', '---',
    ].join('\n')).join('\n') + '\n';
    client.open(uri, 'yaml', doc(0));
    await client.diagnosticsOfCurrentVersion(uri);
    const samples: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const started = performance.now();
      client.change(uri, doc(i));
      const ds = await client.diagnosticsOfCurrentVersion(uri);
      samples.push(performance.now() - started);
      assert.equal(byCode(ds, 'K8S001').length, 10);
    }
    samples.sort((a, b) => a - b);
    const line = `didChange → publishDiagnostics latency, 200-line 10-document Deployment manifest with schema validation (push, 100 ms debounce included): median ${samples[5]?.toFixed(1)} ms, max ${samples[samples.length - 1]?.toFixed(1)} ms`;
    t.diagnostic(line);
    console.log(line);
  });

  it('turns schema validation off with bulkhead.yaml.schemaValidation: off', async () => {
    const uri = 'file:///work/schemas/off/compose.yaml';
    client.settings = { yaml: { schemaValidation: 'off' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: client.settings } });
    client.open(uri, 'yaml', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    bogus: 1\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    assert.deepEqual(schemaOnly(ds), []);
    assert.equal(byCode(ds, 'DC001').length, 1, 'security rules still run');
    client.settings = {};
  });
});

describe('the server bundle as the VSIX ships it (no node_modules)', () => {
  it('starts from a folder holding only the server bundles .vscodeignore ships and server/schemas, and validates with the schemas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-vsix-'));
    try {
      mkdirSync(join(dir, 'server', 'out'), { recursive: true });
      // server.js loads server-main.js, which loads the lazy bundles (mvdan-sh, yaml-service) on first use.
      const bundles = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8')
        .split('\n')
        .map((l) => /^!(server\/out\/[^*/]+\.js)$/.exec(l.trim())?.[1])
        .filter((f): f is string => f !== undefined);
      assert.ok(bundles.includes('server/out/server.js') && bundles.includes('server/out/server-main.js'), bundles.join(', '));
      for (const f of bundles) cpSync(join(repoRoot, f), join(dir, f));
      cpSync(join(repoRoot, 'server', 'schemas'), join(dir, 'server', 'schemas'), { recursive: true });
      const client = await TestClient.start(undefined, join(dir, 'server', 'out', 'server.js'));
      const uri = 'file:///work/vsix/compose.yaml';
      client.open(uri, 'yaml', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    ports: 12\n');
      const ds = await client.diagnosticsOfCurrentVersion(uri);
      assert.equal(byCode(ds, 'DC001').length, 1);
      assert.equal(ds.filter((d) => d.source === 'bulkhead-schema').length, 1, JSON.stringify(ds));
      assert.equal(await client.stop(), 0, client.stderr.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
