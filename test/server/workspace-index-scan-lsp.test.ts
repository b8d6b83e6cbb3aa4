/**
 * The language server's startup scan (server/src/features/workspaceIndex.ts, workspace-scan.ts)
 * through the built server over stdio: once the client says the workspace is trusted, the
 * NetworkPolicies and kustomizations of files that are never opened are known, so an opened
 * Deployment loses its K8S055 and a file listed as a patch its missing-field findings. Files in
 * node_modules, over the size limit, under `files.exclude` or `ignorePaths` are not read. Without
 * the trust notification (VS Code's Restricted Mode) nothing is scanned. With K8S056 on, every
 * YAML file is parsed for its workloads, so a policy selecting pods defined only on disk is not
 * reported as dangling.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES } from './lsp-client';
import { deploymentYaml, policyYaml } from '../utils/k8s-network-fixtures';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
  items?: Diagnostic[];
}

const deployment = (app: string): string => deploymentYaml(app);
const policy = (app: string): string => policyYaml(app);
const MISSING_FIELD = ['K8S003', 'K8S004', 'K8S012', 'K8S013', 'K8S032', 'K8S046'];
/** Over the server's 5 MB limit: a policy followed by a long comment. */
const HUGE_POLICY = `${policy('huge')}${'#'.repeat(100)}\n`.padEnd(5 * 1024 * 1024 + 10, '#');

const uriOf = (p: string): string => pathToFileURL(p).href;
const k8s055 = (items: readonly Diagnostic[] | undefined): string[] => (items ?? []).filter((d) => d.code === 'K8S055').map((d) => d.message);

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return uriOf(path);
}

/**
 * A workspace: policies for `web` (plain file), `vendored` (node_modules), `huge` (over the size
 * limit), `built` (under a folder `files.exclude` hides) and `skipped` (under `ignorePaths`);
 * a kustomization listing app/prod/deployment.yaml as a patch; a few files without facts.
 */
function workspace(root: string): void {
  write(join(root, 'policies', 'web.yaml'), policy('web'));
  write(join(root, 'node_modules', 'chart', 'policy.yaml'), policy('vendored'));
  write(join(root, 'big', 'policy.yaml'), HUGE_POLICY);
  write(join(root, 'dist', 'policy.yaml'), policy('built'));
  write(join(root, 'generated', 'policy.yaml'), policy('skipped'));
  write(join(root, 'app', 'kustomization.yaml'), 'resources: [base]\npatchesStrategicMerge:\n  - prod/deployment.yaml\n');
  write(join(root, 'app', 'prod', 'deployment.yaml'), deployment('web'));
  write(join(root, 'deployments', 'web.yaml'), deployment('web'));
  write(join(root, 'notes.txt'), 'NetworkPolicy\n');
}

/** Resolves with the scan's log line (the first one not written before `from`); rejects after `timeoutMs`. */
function scanLog(client: TestClient, from = 0, timeoutMs = 15_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  return new Promise<string>((resolve, reject) => {
    const poll = (): void => {
      const line = client.logs.slice(from).find((l) => l.startsWith('Workspace scan:'));
      if (line) resolve(line);
      else if (performance.now() > deadline) reject(new Error(`timed out after ${timeoutMs} ms: no "Workspace scan:" log line`));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

/** Answers workspace/configuration like VS Code: `files.exclude` hides dist/, the rest as the test client does. */
function withExcludes(client: TestClient): void {
  client.connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) =>
    p.items.map((i) => {
      if (i.section === 'bulkhead') return client.settings;
      if (i.section === 'files.exclude') return { '**/.git': true, '{dist,out}': true, 'generated': { when: '$(basename).ts' } };
      if (i.section === 'search.exclude') return { '**/bower_components': true };
      return null;
    }),
  );
}

const trust = (client: TestClient, trusted: boolean): void => void client.connection.sendNotification('bulkhead/workspaceTrust', { trusted });
const pull = (client: TestClient, uri: string, previousResultId?: string): Promise<Report> =>
  client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });

describe('startup scan over LSP (trusted workspace)', () => {
  let client: TestClient;
  let root: string;
  let log: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-scan-'));
    workspace(root);
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(root), name: 'ws' }]);
    withExcludes(client);
    client.settings = { enabledRules: ['K8S055'], ignorePaths: ['generated/**'] };
    trust(client, true);
    log = await scanLog(client);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('reads the workspace\'s YAML files, but not node_modules, files.exclude, ignorePaths or files over the size limit', () => {
    // Listed: policies/web, big/policy, generated/policy, app/kustomization, app/prod/deployment,
    // deployments/web (node_modules and dist are not entered, notes.txt is not YAML).
    // Read: those less the huge file and the ignored one; parsed: the policy and the kustomization.
    assert.match(log, /: 6 files listed in 1 folders, 4 read, 2 parsed, 2 with Kubernetes facts;/);
  });

  it('an opened Deployment selected by a policy on disk that was never opened gets no K8S055', async () => {
    const uri = uriOf(join(root, 'deployments', 'web.yaml'));
    client.open(uri, 'yaml', deployment('web'));
    const r = await pull(client, uri);
    assert.deepEqual(k8s055(r.items), []);
    assert.ok((r.items ?? []).some((d) => d.code === 'K8S003'), 'the other findings are there');
    client.close(uri);
  });

  it('policies in node_modules, over the size limit, under files.exclude or ignorePaths are not known', async () => {
    for (const app of ['vendored', 'huge', 'built', 'skipped']) {
      const uri = uriOf(join(root, 'deployments', `${app}.yaml`));
      client.open(uri, 'yaml', deployment(app));
      const r = await pull(client, uri);
      assert.deepEqual(k8s055(r.items), [`No NetworkPolicy in the workspace selects the pods of Deployment '${app}'.`], app);
      client.close(uri);
    }
  });

  it('a file the kustomization on disk lists as a patch is linted as a partial object (no missing-field findings)', async () => {
    const uri = uriOf(join(root, 'app', 'prod', 'deployment.yaml'));
    client.open(uri, 'yaml', deployment('web'));
    const codes = ((await pull(client, uri)).items ?? []).map((d) => String(d.code));
    for (const id of MISSING_FIELD) assert.ok(!codes.includes(id), `${id}: ${codes.join(',')}`);
    client.close(uri);
    // The same text elsewhere is a full object.
    const other = uriOf(join(root, 'other', 'deployment.yaml'));
    client.open(other, 'yaml', deployment('web'));
    const full = ((await pull(client, other)).items ?? []).map((d) => String(d.code));
    for (const id of MISSING_FIELD) assert.ok(full.includes(id), `${id} outside the kustomization: ${full.join(',')}`);
    client.close(other);
  });
});

describe('startup scan over LSP (Restricted Mode)', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-scan-untrusted-'));
    workspace(root);
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(root), name: 'ws' }]);
    client.settings = { enabledRules: ['K8S055'] };
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('scans nothing until the workspace is trusted; trust granted later scans and refreshes the open documents', async () => {
    trust(client, false);
    const uri = uriOf(join(root, 'deployments', 'web.yaml'));
    client.open(uri, 'yaml', deployment('web'));
    const first = await pull(client, uri);
    assert.equal(k8s055(first.items).length, 1);
    const patch = uriOf(join(root, 'app', 'prod', 'deployment.yaml'));
    client.open(patch, 'yaml', deployment('web'));
    const patchFirst = await pull(client, patch);
    assert.ok((patchFirst.items ?? []).some((d) => d.code === 'K8S003'), 'a full object while the kustomization is unknown');
    // Longer than the scan takes when trusted (the trusted suite's scan: well under a second).
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(!client.logs.some((l) => l.startsWith('Workspace scan')), client.logs.join('\n'));
    assert.equal((await pull(client, uri, first.resultId)).kind, 'unchanged');

    const from = client.logs.length;
    const refreshed = client.waitForRefresh();
    trust(client, true);
    await Promise.all([scanLog(client, from), refreshed]);
    const second = await pull(client, uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(k8s055(second.items), []);
    const codes = ((await pull(client, patch, patchFirst.resultId)).items ?? []).map((d) => String(d.code));
    for (const id of MISSING_FIELD) assert.ok(!codes.includes(id), `${id}: ${codes.join(',')}`);
  });
});

describe('startup scan over LSP (K8S056 on: workloads too)', () => {
  let client: TestClient;
  let root: string;
  let log: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-scan-k8s056-'));
    workspace(root);
    client = await TestClient.start(PULL_CAPABILITIES, undefined, [{ uri: uriOf(root), name: 'ws' }]);
    client.settings = { enabledRules: ['K8S056'] };
    trust(client, true);
    log = await scanLog(client);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('parses every YAML file it reads, so a policy selecting a Deployment that is only on disk is not dangling', async () => {
    // No files.exclude or ignorePaths here: every YAML file but node_modules' is listed, all but
    // the huge one are read, and all of those are parsed (policies, the kustomization, workloads).
    assert.match(log, /: 7 files listed in 1 folders, 6 read, 6 parsed, 6 with Kubernetes facts;/);
    const other = uriOf(join(root, 'open', 'other.yaml'));
    client.open(other, 'yaml', deployment('other'));
    await pull(client, other);
    const web = uriOf(join(root, 'open', 'web-policy.yaml'));
    client.open(web, 'yaml', policy('web'));
    assert.deepEqual(((await pull(client, web)).items ?? []).filter((d) => d.code === 'K8S056'), []);
    const nobody = uriOf(join(root, 'open', 'nobody-policy.yaml'));
    client.open(nobody, 'yaml', policy('nobody'));
    const codes = ((await pull(client, nobody)).items ?? []).filter((d) => d.code === 'K8S056').map((d) => d.message);
    assert.deepEqual(codes, ["NetworkPolicy 'nobody' selects none of the pods defined in the workspace."]);
  });
});
