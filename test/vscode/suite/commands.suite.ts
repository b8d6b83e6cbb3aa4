/** Commands behind the light bulb and the palette: rule documentation, server restart. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_WAIT_MS, closeAllEditors, codeActions, openFixture, setText, waitForCode, waitForNoCode } from './util';

/** Resolves with the first open document `accept` takes, now or when it opens; bounded. */
function waitForDocument(accept: (d: vscode.TextDocument) => boolean, what: string): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const found = vscode.workspace.textDocuments.find(accept);
    if (found) return resolve(found);
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!accept(d)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(d);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${DEFAULT_WAIT_MS} ms waiting for ${what}`));
    }, DEFAULT_WAIT_MS);
  });
}

describe('commands', () => {
  afterEach(closeAllEditors);

  it('"Show documentation for DF001" opens the rule page rendered by the server', async () => {
    const doc = await openFixture('Dockerfile');
    const d = await waitForCode(doc.uri, 'DF001');
    const action = (await codeActions(doc.uri, d.range)).find((a) => a.title === 'Show documentation for DF001');
    assert.ok(action?.command, 'no "Show documentation for DF001" action with a command');
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const page = await waitForDocument((x) => x.uri.scheme === 'bulkhead-rule' && x.uri.path === '/DF001.md', 'the DF001 page');
    const text = page.getText();
    assert.match(text, /^# DF001 · Pin base images to a version tag or digest, not latest\n/);
    assert.match(text, /## Why it matters/);
    assert.match(text, /## How to suppress[\s\S]*# bulkhead-ignore DF001 -- reason/);
  });

  it('keeps linting after "Bulkhead: Restart Language Server"', async () => {
    const doc = await openFixture('live/Dockerfile');
    await setText(doc, 'FROM alpine:3.20\nRUN echo ready\n');
    await waitForNoCode(doc.uri, 'DF001');
    await vscode.commands.executeCommand('bulkhead.restartServer');
    // A change after the restart is linted by the new server.
    await setText(doc, 'FROM alpine:latest\nRUN echo ready\n');
    const d = await waitForCode(doc.uri, 'DF001');
    assert.equal(d.message, "Base image 'alpine:latest' uses the mutable 'latest' tag.");
  });
});
