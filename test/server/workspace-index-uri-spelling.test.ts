/**
 * The startup scan must never replace the facts of an open document with the file on disk, also
 * when the editor spells the document's URI differently from the scan (VS Code writes
 * `file:///c%3A/…` on Windows; the scan builds URIs with pathToFileURL). Simulated here with a
 * percent-encoded letter: `policies/%77eb.yaml` is the file `policies/web.yaml`.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { pathOf } from '../../server/src/documents';
import { TestClient, PULL_CAPABILITIES } from './lsp-client';
import { deploymentYaml, policyYaml } from '../utils/k8s-network-fixtures';

const deployment = deploymentYaml();
const policy = policyYaml('web');

describe('pathOf: one path per file whatever the URI spelling', () => {
  const cases: [string, string, string][] = [
    ['Windows drive, pathToFileURL vs VS Code', 'file:///C:/src/k8s/web.yaml', 'file:///c%3A/src/k8s/web.yaml'],
    ['percent-encoded letter', 'file:///ws/policies/web.yaml', 'file:///ws/policies/%77eb.yaml'],
  ];
  for (const [name, a, b] of cases) it(name, () => assert.equal(pathOf(a), pathOf(b)));
  it('keeps case elsewhere in the path', () => assert.equal(pathOf('file:///C:/Src/Web.yaml'), '/c:/Src/Web.yaml'));
});

describe('startup scan: an open document spelled differently keeps its own facts', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-scan-spelling-'));
    mkdirSync(join(root, 'policies'));
    mkdirSync(join(root, 'deployments'));
    writeFileSync(join(root, 'policies', 'web.yaml'), policy);
    writeFileSync(join(root, 'deployments', 'web.yaml'), deployment);
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: pathToFileURL(root).href, name: 'ws' }]);
    client.settings = { enabledRules: ['K8S055'] };
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('the policy deleted in the editor (unsaved) stays deleted after the scan reads the disk', async () => {
    // The user emptied the policy file in the editor; the disk still has the policy.
    const policyUri = `${pathToFileURL(join(root, 'policies')).href}/%77eb.yaml`;
    client.open(policyUri, 'yaml', '# policy removed, not saved yet\n');
    const deploymentUri = pathToFileURL(join(root, 'deployments', 'web.yaml')).href;
    client.open(deploymentUri, 'yaml', deployment);
    const first = await client.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: deploymentUri } });
    assert.equal((first.items ?? []).filter((d) => d.code === 'K8S055').length, 1, 'no policy known before the scan');
    const from = client.logs.length;
    void client.connection.sendNotification('bulkhead/workspaceTrust', { trusted: true });
    const deadline = performance.now() + 15_000;
    while (!client.logs.slice(from).some((l) => l.startsWith('Workspace scan:'))) {
      assert.ok(performance.now() < deadline, 'no "Workspace scan:" log line within 15 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300)); // a refresh would follow within the facts debounce
    const after = await client.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: deploymentUri } });
    assert.equal((after.items ?? []).filter((d) => d.code === 'K8S055').length, 1, 'the disk copy of the open policy file must not count');
  });
});
