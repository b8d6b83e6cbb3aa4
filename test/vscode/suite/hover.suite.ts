/** Hover: the rule's explanation on a flagged range, nothing of Bulkhead's elsewhere. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, openFixture, waitForCode } from './util';

describe('hover', () => {
  after(closeAllEditors);

  it('explains DF001 where it is reported', async () => {
    const doc = await openFixture('Dockerfile');
    const d = await waitForCode(doc.uri, 'DF001');
    const text = await hoverText(doc.uri, d.range.start.translate(0, 2));
    assert.match(text, /DF001 · Pin base images to a version tag or digest, not latest/);
    assert.match(text, /\*\*Here:\*\* Base image 'node:latest' uses the mutable 'latest' tag\./);
    assert.match(text, /\*\*Why it matters\*\*/);
    assert.match(text, /\*\*How to fix\*\*/);
    // Equivalent ids of other tools are listed.
    assert.match(text, /DL3007/);
  });

  it('explains K8S001 in a manifest', async () => {
    const doc = await openFixture('k8s/pod.yaml');
    const d = await waitForCode(doc.uri, 'K8S001');
    const text = await hoverText(doc.uri, d.range.start.translate(0, 1));
    assert.match(text, /K8S001 · Containers must not run privileged/);
    assert.match(text, /\*\*Here:\*\* Container 'app' runs privileged\./);
  });

  it('shows no Bulkhead explanation away from findings', async () => {
    const doc = await openFixture('Dockerfile');
    await waitForCode(doc.uri, 'DF001');
    // Line 1 is `WORKDIR /app`: no finding there.
    const text = await hoverText(doc.uri, new vscode.Position(1, 10));
    assert.doesNotMatch(text, /DF001|\*\*Here:\*\*/);
  });
});
