/** Restricted Mode (untrusted workspace): static linting still works; image scans refuse to run. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openFixture, waitForCode } from './util';

describe('restricted mode', () => {
  after(closeAllEditors);

  it('runs in an untrusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner should have opened the workspace untrusted');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true, 'the extension must activate in Restricted Mode (untrustedWorkspaces: limited)');
  });

  it('still lints Dockerfiles, manifests and Compose files', async () => {
    const df = await openFixture('Dockerfile');
    assert.equal((await waitForCode(df.uri, 'DF001')).range.start.line, 0);
    const pod = await openFixture('k8s/pod.yaml');
    assert.equal((await waitForCode(pod.uri, 'K8S001')).range.start.line, 9);
    const compose = await openFixture('compose.yaml');
    assert.equal((await waitForCode(compose.uri, 'DC001')).range.start.line, 3);
  });
});
