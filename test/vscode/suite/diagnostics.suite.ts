/** Diagnostics: the right rule ids, ranges, messages and severities on real documents, kept live as text changes. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openFixture, setText, textAt, waitForCode, waitForNoCode } from './util';

describe('diagnostics', () => {
  after(closeAllEditors);

  it('flags the latest tag in a Dockerfile (DF001)', async () => {
    const doc = await openFixture('Dockerfile');
    assert.equal(doc.languageId, 'dockerfile');
    const d = await waitForCode(doc.uri, 'DF001');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.range.start.line, 0);
    assert.equal(textAt(doc, d.range), ':latest');
    assert.equal(d.message, "Base image 'node:latest' uses the mutable 'latest' tag.");
    // The code links to the rule's documentation.
    assert.ok(typeof d.code === 'object' && d.code !== null && 'target' in d.code, 'DF001 has no documentation link');
    assert.match(d.code.target.toString(), /DF001/i);
  });

  it('flags a privileged container in a Kubernetes manifest (K8S001)', async () => {
    const doc = await openFixture('k8s/pod.yaml');
    assert.equal(doc.languageId, 'yaml');
    const d = await waitForCode(doc.uri, 'K8S001');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 9);
    assert.equal(textAt(doc, d.range), 'true');
    assert.equal(d.message, "Container 'app' runs privileged.");
  });

  it('flags a privileged service in a Compose file (DC001)', async () => {
    const doc = await openFixture('compose.yaml');
    assert.equal(doc.languageId, 'dockercompose');
    const d = await waitForCode(doc.uri, 'DC001');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 3);
    assert.equal(textAt(doc, d.range), 'true');
    assert.equal(d.message, "Service 'web' runs privileged.");
  });

  it('re-lints unsaved edits as you type', async () => {
    const doc = await openFixture('live/Dockerfile');
    // A pinned base image: no DF001. Wait for the first lint by waiting for the absence after a change.
    await setText(doc, 'FROM alpine\nRUN echo ready\n');
    const d = await waitForCode(doc.uri, 'DF001');
    assert.equal(d.message, "Base image 'alpine' has no tag or digest, so 'latest' is implied.");
    assert.equal(textAt(doc, d.range), 'alpine');
    await setText(doc, 'FROM alpine:3.20\nRUN echo ready\n');
    const after = await waitForNoCode(doc.uri, 'DF001');
    assert.ok(!after.some((x) => codeOf(x) === 'DF001'));
    assert.equal(doc.isDirty, true, 'the edits should be unsaved: linting must not depend on saving');
  });
});
