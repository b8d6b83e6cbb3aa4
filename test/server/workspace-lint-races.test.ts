/**
 * Workspace lint while files change on disk under it (the built server over stdio). The lint reads
 * files ahead of the one it lints, and gives way while the user types; a file that changes or
 * disappears on disk after its read and before its lint must not keep the problems of the text
 * that was read: the change re-lints it, the delete clears it, and the older lint publishes
 * nothing over either.
 *
 * The run is held with edits in an open document (the workspace lint gives way to typing), so the
 * read-ahead of the first files is done and their lint not, when the disk changes.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { LintFilesResult } from '../../protocol/src/protocol';
import { TestClient, PULL_CAPABILITIES, withTimeout } from './lsp-client';

const LATEST = 'FROM node:latest\nUSER node\n';
const PINNED = 'FROM node:22.11\nUSER node\n';
const uriOf = (p: string): string => pathToFileURL(p).href;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const hasDf001 = (p: { diagnostics: { code?: unknown }[] } | undefined): boolean => (p?.diagnostics ?? []).some((d) => d.code === 'DF001');

describe('workspace lint: files that change on disk while the lint is under way', () => {
  let client: TestClient;
  let dir: string;
  const typing = 'file:///bulkhead-typing/Dockerfile';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-ws-race-'));
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(dir), name: 'race' }]);
    client.open(typing, 'dockerfile', LATEST);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes 12 Dockerfiles with DF001 under `name/`; returns their paths. */
  function files(name: string): string[] {
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = join(dir, name, `svc${i}`, 'Dockerfile');
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, LATEST);
      paths.push(p);
    }
    return paths;
  }

  /**
   * Starts a lint of `paths` while the user types, runs `during` once the first files were read
   * (and not linted: the lint gives way to the typing), then stops typing; resolves with the result.
   */
  async function lintWhileTyping(paths: string[], during: () => Promise<void>, token?: CancellationTokenSource): Promise<LintFilesResult> {
    let n = 0;
    client.change(typing, `${LATEST}# ${n++}\n`);
    const timer = setInterval(() => client.change(typing, `${LATEST}# ${n++}\n`), 40);
    try {
      const params = { files: paths.map(uriOf) };
      const run = token ? client.connection.sendRequest<LintFilesResult>('bulkhead/lintFiles', params, token.token) : client.connection.sendRequest<LintFilesResult>('bulkhead/lintFiles', params);
      // Time for the read-ahead (a few small files) to finish; the lint itself waits for the typing.
      await sleep(300);
      await during();
      clearInterval(timer);
      return await withTimeout(run, 60_000, 'bulkhead/lintFiles got no response');
    } finally {
      clearInterval(timer);
    }
  }

  /** A request answered after every notification sent before it was handled (in-order processing). */
  async function barrier(): Promise<void> {
    await client.request('textDocument/hover', { textDocument: { uri: typing }, position: { line: 0, character: 0 } });
  }

  it('a file changed after it was read and before it was linted ends with the new text\'s problems', async () => {
    const paths = files('changed');
    const target = uriOf(paths[3]!);
    const result = await lintWhileTyping(paths, async () => {
      writeFileSync(paths[3]!, PINNED);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 2 }] });
      await barrier();
    });
    assert.equal(result.cancelled, false);
    // The change was followed: the file is linted again from disk, without DF001.
    const last = await client.waitForDiagnostics(target, (p) => !hasDf001(p), 10_000);
    assert.equal(hasDf001(last), false);
    // Nothing older lands on top of it (the lint of the text read before the change is dropped).
    await barrier();
    await sleep(200);
    assert.equal(hasDf001(client.lastPublished(target)), false, 'the problems of the text read before the change came back');
    // The other files were linted as usual.
    for (const p of paths.filter((_, i) => i !== 3)) assert.equal(hasDf001(client.lastPublished(uriOf(p))), true, p);
  });

  it('a file deleted after it was read and before it was linted gets no problems', async () => {
    const paths = files('deleted');
    const target = uriOf(paths[2]!);
    const result = await lintWhileTyping(paths, async () => {
      rmSync(paths[2]!);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 3 }] });
      await barrier();
    });
    assert.equal(result.cancelled, false);
    await barrier();
    await sleep(200);
    assert.equal(hasDf001(client.lastPublished(target)), false, `a deleted file has problems: ${JSON.stringify(client.lastPublished(target))}`);
    for (const p of paths.filter((_, i) => i !== 2)) assert.equal(hasDf001(client.lastPublished(uriOf(p))), true, p);
  });

  it('a cancelled lint does not follow the files it read ahead and never linted', async () => {
    const paths = files('cancelled');
    const source = new CancellationTokenSource();
    const result = await lintWhileTyping(paths, async () => source.cancel(), source);
    assert.equal(result.cancelled, true);
    assert.ok(result.linted < 3, JSON.stringify(result));
    // A change on disk of a file it had only read ahead: not followed, so not linted.
    const target = uriOf(paths[5]!);
    writeFileSync(paths[5]!, PINNED);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: target, type: 2 }] });
    await barrier();
    await sleep(300);
    assert.equal(client.lastPublished(target), undefined, 'a file the cancelled lint never linted was linted on a change');
  });
});
