/**
 * Through the built server over stdio: a pull diagnostic request whose document changed (or
 * that the client cancelled) while it ran is answered with ServerCancelled + retriggerRequest,
 * never with diagnostics of an old version; and workspace folder changes move where the config
 * file search stops.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES, PUSH_CAPABILITIES, withTimeout } from './lsp-client';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diagnostic[];
}

const SERVER_CANCELLED = -32802;
const REQUEST_CANCELLED = -32800;

function gate(client: TestClient): () => void {
  let release: () => void = () => undefined;
  client.configurationGate = new Promise<void>((r) => {
    release = r;
  });
  return () => {
    client.configurationGate = undefined;
    release();
  };
}

async function waitUntil(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    assert.ok(Date.now() < deadline, `timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('stale pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(PULL_CAPABILITIES);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('skips a pull whose document got a newer version meanwhile (ServerCancelled, retrigger)', async () => {
    const uri = 'file:///work/stale/a/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\n');
    const asked = client.configurationRequests;
    const release = gate(client);
    const pending = client.request<Report>('textDocument/diagnostic', { textDocument: { uri } }).then(
      (r) => ({ ok: r }),
      (e: unknown) => ({ error: e }),
    );
    // The pull now waits inside the server for the settings of the document.
    await waitUntil(() => client.configurationRequests > asked, 'the pull asked for settings');
    client.change(uri, 'FROM node:22.11\n');
    await new Promise((r) => setTimeout(r, 50));
    release();
    const outcome = await pending;
    assert.ok('error' in outcome, `a stale pull must not answer with old diagnostics: ${JSON.stringify(outcome)}`);
    const err = outcome.error as ResponseError<{ retriggerRequest?: boolean }>;
    assert.equal(err.code, SERVER_CANCELLED);
    assert.deepEqual(err.data, { retriggerRequest: true });
    const fresh = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(fresh.kind, 'full');
    assert.deepEqual((fresh.items ?? []).filter((d) => d.code === 'DF001'), [], 'the new version has no latest tag');
    assert.match(fresh.resultId ?? '', /^2@/);
  });

  it('stops a pull the client cancelled', async () => {
    const uri = 'file:///work/stale/b/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\n');
    const asked = client.configurationRequests;
    const release = gate(client);
    const source = new CancellationTokenSource();
    const pending = withTimeout(client.connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } }, source.token), 10_000, 'pull').then(
      (r) => ({ ok: r }),
      (e: unknown) => ({ error: e }),
    );
    await waitUntil(() => client.configurationRequests > asked, 'the pull asked for settings');
    source.cancel();
    await new Promise((r) => setTimeout(r, 50));
    release();
    const outcome = await pending;
    assert.ok('error' in outcome, JSON.stringify(outcome));
    assert.ok([SERVER_CANCELLED, REQUEST_CANCELLED].includes((outcome.error as ResponseError<unknown>).code));
  });
});

describe('workspace folder changes', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-folders-'));
    mkdirSync(join(root, 'ws', 'inner'), { recursive: true });
    writeFileSync(join(root, 'ws', '.bulkhead.yaml'), 'rules:\n  DF001: off\n');
    writeFileSync(join(root, 'ws', 'inner', 'Dockerfile'), 'FROM node:latest\n');
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other', 'Dockerfile'), 'FROM node:latest\n');
    const caps = { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders: true } };
    const folders = [{ uri: pathToFileURL(join(root, 'ws', 'inner')).href, name: 'inner' }, { uri: pathToFileURL(join(root, 'other')).href, name: 'other' }];
    client = await TestClient.start(caps, undefined, folders);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('moves where the config search stops when folders are added and removed', async () => {
    const caps = client.initializeResult.capabilities as { workspace?: { workspaceFolders?: { changeNotifications?: unknown } } };
    assert.equal(caps.workspace?.workspaceFolders?.changeNotifications, true);
    const uri = pathToFileURL(join(root, 'ws', 'inner', 'Dockerfile')).href;
    client.open(uri, 'dockerfile', 'FROM node:latest\n');
    const first = await client.diagnosticsOfCurrentVersion(uri);
    assert.equal(first.filter((d) => d.code === 'DF001').length, 1, 'the search stops at the folder ws/inner: ws/.bulkhead.yaml is not read');
    // A file on disk followed by Lint Workspace in the folder that is about to be removed.
    const onDisk = pathToFileURL(join(root, 'other', 'Dockerfile')).href;
    await client.request('bulkhead/lintFiles', { files: [onDisk] });
    assert.ok(client.lastPublished(onDisk)?.diagnostics.some((d) => d.code === 'DF001'));
    const event = {
      added: [{ uri: pathToFileURL(join(root, 'ws')).href, name: 'ws' }],
      removed: [{ uri: pathToFileURL(join(root, 'ws', 'inner')).href, name: 'inner' }, { uri: pathToFileURL(join(root, 'other')).href, name: 'other' }],
    };
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event });
    const after = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'DF001'));
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'DF001'), []);
    assert.deepEqual(client.statuses.get(uri)?.['configFiles'], [join(root, 'ws', '.bulkhead.yaml')]);
    await client.waitForDiagnostics(onDisk, (p) => p.diagnostics.length === 0);
  });
});

describe('problems of a config file in force', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-badconfig-'));
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: pathToFileURL(root).href, name: 'root' }]);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('are shown on the config file although only the Dockerfile is open, and cleared when fixed', async () => {
    const config = join(root, '.bulkhead.yaml');
    const configUri = pathToFileURL(config).href;
    writeFileSync(config, 'rules:\n  DF001: loud\nprofle: baseline\n');
    const uri = pathToFileURL(join(root, 'Dockerfile')).href;
    client.open(uri, 'dockerfile', 'FROM node:latest\n');
    const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal((report.items ?? []).filter((d) => d.code === 'DF001').length, 1, 'the valid part still applies: DF001 is not silently changed');
    const shown = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(shown.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['config', 1, 1], ['config', 1, 2]]);
    assert.match(shown.diagnostics[0]!.message, /DF001.*error, warning, info, hint, off/);
    assert.match(shown.diagnostics[1]!.message, /Unknown setting 'profle'/);
    // Opening the config file: it reports its own problems (pull), so the pushed copy is cleared.
    client.open(configUri, 'yaml', 'rules:\n  DF001: loud\nprofle: baseline\n');
    await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const pulled = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: configUri } });
    assert.equal((pulled.items ?? []).filter((d) => d.code === 'config').length, 2);
    client.close(configUri);
    const back = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 2);
    assert.equal(back.diagnostics[1]!.range.start.line, 2, 'closed again: the problems of the file in force come back');
    // Fixed on disk: the change clears the problems and the Dockerfile is re-linted with the new config.
    writeFileSync(config, 'rules:\n  DF001: error\n');
    const refreshed = client.waitForRefresh();
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await refreshed;
    const again = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal((again.items ?? []).find((d) => d.code === 'DF001')?.severity, 1);
    await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0);
  });
});
