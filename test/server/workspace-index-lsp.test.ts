/**
 * The editor's workspace index through the built server over stdio
 * (server/src/features/workspaceIndex.ts): a Deployment's K8S055 goes away when a NetworkPolicy
 * selecting it appears in another file (on disk with didChangeWatchedFiles, or as an open
 * document) and comes back when the policy goes; the server asks for a diagnostics refresh and
 * the re-pull gets a new result id. A file a kustomization on disk lists as a patch loses its
 * missing-field findings. Files read by Lint Workspace feed the index, and the files it follows
 * on disk are linted again when another file changes what they say. Push clients get the new
 * diagnostics published.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES, PUSH_CAPABILITIES } from './lsp-client';
import { deploymentYaml, policyYaml } from '../utils/k8s-network-fixtures';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diagnostic[];
}

const DEPLOYMENT = deploymentYaml();
const POLICY = (app: string): string => policyYaml(app);
const MISSING_FIELD = ['K8S003', 'K8S004', 'K8S012', 'K8S013', 'K8S032', 'K8S046'];
const CREATED = 1;
const DELETED = 3;

const uriOf = (p: string): string => pathToFileURL(p).href;
const k8s055 = (items: readonly Diagnostic[] | undefined): string[] => (items ?? []).filter((d) => d.code === 'K8S055').map((d) => d.message);

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return uriOf(path);
}

function watched(client: TestClient, uri: string, type: number): void {
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
}

describe('workspace index over LSP (pull client)', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-wsindex-'));
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(root), name: 'ws' }]);
    client.settings = { enabledRules: ['K8S055'] };
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  const pull = (uri: string, previousResultId?: string): Promise<Report> => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

  it('a NetworkPolicy file added on disk clears the Deployment\'s K8S055 after the refresh; deleting it brings it back', async () => {
    const deployment = write(join(root, 'deployment.yaml'), DEPLOYMENT);
    client.open(deployment, 'yaml', DEPLOYMENT);
    const first = await pull(deployment);
    assert.deepEqual(k8s055(first.items), ["No NetworkPolicy in the workspace selects the pods of Deployment 'web'."]);
    // Unchanged while nothing else changes.
    assert.equal((await pull(deployment, first.resultId)).kind, 'unchanged');

    const policy = write(join(root, 'policies', 'web.yaml'), POLICY('web'));
    const refreshed = client.waitForRefresh();
    watched(client, policy, CREATED);
    await refreshed;
    const second = await pull(deployment, first.resultId);
    assert.equal(second.kind, 'full', 'a new result id after the refresh');
    assert.deepEqual(k8s055(second.items), []);

    rmSync(join(root, 'policies', 'web.yaml'));
    const again = client.waitForRefresh();
    watched(client, policy, DELETED);
    await again;
    const third = await pull(deployment, second.resultId);
    assert.deepEqual(k8s055(third.items), ["No NetworkPolicy in the workspace selects the pods of Deployment 'web'."]);
    client.close(deployment);
  });

  it('a NetworkPolicy opened (never saved) clears K8S055; editing its selector away and closing it bring it back', async () => {
    const deployment = write(join(root, 'open', 'deployment.yaml'), DEPLOYMENT);
    client.open(deployment, 'yaml', DEPLOYMENT);
    const first = await pull(deployment);
    assert.equal(k8s055(first.items).length, 1);

    const policy = uriOf(join(root, 'open', 'unsaved-policy.yaml'));
    let refreshed = client.waitForRefresh();
    client.open(policy, 'yaml', POLICY('web'));
    await pull(policy);
    await refreshed;
    const second = await pull(deployment, first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(k8s055(second.items), []);

    refreshed = client.waitForRefresh();
    client.change(policy, POLICY('api'));
    await pull(policy);
    await refreshed;
    const third = await pull(deployment, second.resultId);
    assert.equal(k8s055(third.items).length, 1, 'the edited policy no longer selects the pods');

    refreshed = client.waitForRefresh();
    client.change(policy, POLICY('web'));
    await pull(policy);
    await refreshed;
    const fourth = await pull(deployment, third.resultId);
    assert.deepEqual(k8s055(fourth.items), []);

    // Closed without saving: the file is not on disk, so its policy is gone.
    refreshed = client.waitForRefresh();
    client.close(policy);
    await refreshed;
    const fifth = await pull(deployment, fourth.resultId);
    assert.equal(k8s055(fifth.items).length, 1);
    client.close(deployment);
  });

  it('Lint Workspace feeds the index: a policy file it reads clears K8S055 of the open Deployment, and a Deployment it follows on disk is re-linted when a policy is opened', async () => {
    const deployment = write(join(root, 'lw', 'deployment.yaml'), DEPLOYMENT);
    client.open(deployment, 'yaml', DEPLOYMENT);
    const first = await pull(deployment);
    assert.equal(k8s055(first.items).length, 1);
    const policy = write(join(root, 'lw', 'policy.yaml'), POLICY('web'));
    const refreshed = client.waitForRefresh();
    await client.request('bulkhead/lintFiles', { files: [policy] });
    await refreshed;
    const second = await pull(deployment, first.resultId);
    assert.deepEqual(k8s055(second.items), []);
    client.close(deployment);

    // A Deployment on disk, never opened, followed by Lint Workspace in another namespace.
    const text = DEPLOYMENT.replace('namespace: shop', 'namespace: blog');
    const onDisk = write(join(root, 'lw', 'blog', 'deployment.yaml'), text);
    await client.request('bulkhead/lintFiles', { files: [onDisk] });
    assert.equal(k8s055(client.lastPublished(onDisk)?.diagnostics).length, 1);
    const blogPolicy = uriOf(join(root, 'lw', 'blog', 'unsaved-policy.yaml'));
    client.open(blogPolicy, 'yaml', POLICY('web').replace('namespace: shop', 'namespace: blog'));
    await pull(blogPolicy);
    const republished = await client.waitForDiagnostics(onDisk, (p) => k8s055(p.diagnostics).length === 0);
    assert.ok(republished.diagnostics.some((d) => d.code === 'K8S003'), 'the other findings stay');
    client.close(blogPolicy);
  });

  it('a kustomization created on disk listing prod/deployment.yaml makes it a patch: no missing-field findings', async () => {
    const deployment = write(join(root, 'app', 'prod', 'deployment.yaml'), DEPLOYMENT);
    client.open(deployment, 'yaml', DEPLOYMENT);
    const first = await pull(deployment);
    for (const id of MISSING_FIELD) assert.ok((first.items ?? []).some((d) => d.code === id), `${id} before`);
    const kustomization = write(join(root, 'app', 'kustomization.yaml'), 'resources: [base]\npatchesStrategicMerge:\n  - prod/deployment.yaml\n');
    const refreshed = client.waitForRefresh();
    watched(client, kustomization, CREATED);
    await refreshed;
    const second = await pull(deployment, first.resultId);
    const codes = (second.items ?? []).map((d) => String(d.code));
    for (const id of [...MISSING_FIELD, 'K8S055']) assert.ok(!codes.includes(id), `${id} after: ${codes.join(',')}`);
    client.close(deployment);
  });
});

describe('workspace index over LSP (push client)', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-wsindex-push-'));
    client = await TestClient.start(PUSH_CAPABILITIES, undefined, [{ uri: uriOf(root), name: 'ws' }]);
    client.settings = { enabledRules: ['K8S055'] };
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes the Deployment again without K8S055 once a policy file appears on disk', async () => {
    const deployment = write(join(root, 'deployment.yaml'), DEPLOYMENT);
    client.open(deployment, 'yaml', DEPLOYMENT);
    await client.waitForDiagnostics(deployment, (p) => k8s055(p.diagnostics).length === 1);
    watched(client, write(join(root, 'policy.yaml'), POLICY('web')), CREATED);
    const after = await client.waitForDiagnostics(deployment, (p) => k8s055(p.diagnostics).length === 0);
    assert.ok(after.diagnostics.some((d) => d.code === 'K8S003'), 'the other findings stay');
  });
});
