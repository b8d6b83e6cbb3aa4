/**
 * Incremental linting and schema validation of multi-document manifests through the server
 * (pull diagnostics, as VS Code): after each edit the diagnostics equal those of the same text
 * opened fresh under another URI (nothing cached), findings in untouched documents move with
 * their lines, K8S049 follows ServiceAccounts added or removed in other documents, and schema
 * diagnostics of every document are still reported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES } from './lsp-client';

interface Report {
  kind: string;
  items?: Diagnostic[];
}

const pod = (name: string, extra = ''): string =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', '  serviceAccountName: robot', '  containers:', '    - name: app', '      image: nginx:1.27.2', extra].filter((l) => l !== '').join('\n') + '\n';
const PRIVILEGED = '      securityContext:\n        privileged: true';
const SCHEMA_ERROR = '      resourcez: {}';
const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\nautomountServiceAccountToken: false\n';

function key(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.source ?? ''} ${String(d.code ?? '')} ${d.message}`;
}

function keys(ds: Diagnostic[]): string[] {
  return ds.map(key).sort();
}

describe('incremental diagnostics of a multi-document manifest (pull)', () => {
  let client: TestClient;
  let fresh = 0;
  before(async () => {
    client = await TestClient.start(PULL_CAPABILITIES);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
  });

  const pull = async (uri: string): Promise<Diagnostic[]> => {
    const r = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } }, 30_000);
    assert.equal(r.kind, 'full');
    return r.items ?? [];
  };
  /** The diagnostics of `text` opened under a new URI (same file name, nothing cached). */
  const reference = async (text: string): Promise<Diagnostic[]> => {
    const uri = `file:///work/incremental/fresh-${++fresh}/manifest.yaml`;
    client.open(uri, 'yaml', text);
    const ds = await pull(uri);
    client.close(uri);
    return ds;
  };

  it('equals a fresh lint after edits in one document, with findings of the others moved', async () => {
    const uri = 'file:///work/incremental/edited/manifest.yaml';
    const docs = [pod('a', PRIVILEGED), pod('b', SCHEMA_ERROR), pod('c'), pod('d', PRIVILEGED), pod('e', SCHEMA_ERROR)];
    let text = docs.join('---\n');
    client.open(uri, 'yaml', text);
    const first = await pull(uri);
    assert.deepEqual(keys(first), keys(await reference(text)));
    const k001 = (ds: Diagnostic[]): number[] => ds.filter((d) => d.code === 'K8S001').map((d) => d.range.start.line).sort((x, y) => x - y);
    const schema = (ds: Diagnostic[]): number[] => ds.filter((d) => d.source === 'bulkhead-schema').map((d) => d.range.start.line).sort((x, y) => x - y);
    assert.deepEqual(k001(first), [10, 43]);
    assert.deepEqual(schema(first), [21, 54]);

    // Type in document c (one character at a time, then a new line), as an editor would.
    const edits: string[] = [];
    const at = text.indexOf('  name: c');
    for (const piece of ['  l', 'abels: {}', '\n', '  annotations: {}\n']) {
      const cut = at + edits.join('').length;
      edits.push(piece);
      text = text.slice(0, cut) + piece + text.slice(cut);
      client.change(uri, text);
      const ds = await pull(uri);
      assert.deepEqual(keys(ds), keys(await reference(text)), `after typing ${JSON.stringify(edits.join(''))}`);
    }
    // Two lines were added in document c: documents d and e moved down by two.
    const last = await pull(uri);
    assert.deepEqual(k001(last), [10, 45]);
    assert.deepEqual(schema(last), [21, 56]);

    // A new document with a schema error and a privileged container, typed between b and c.
    const insertAt = text.indexOf('---\n', text.indexOf('  name: b')) + 4;
    text = text.slice(0, insertAt) + pod('n', PRIVILEGED + '\n' + SCHEMA_ERROR) + '---\n' + text.slice(insertAt);
    client.change(uri, text);
    const withNew = await pull(uri);
    assert.deepEqual(keys(withNew), keys(await reference(text)));
    assert.equal(k001(withNew).length, 3);
    assert.equal(schema(withNew).length, 3);
  });

  it('updates K8S049 in other documents when a ServiceAccount is added or removed', async () => {
    const uri = 'file:///work/incremental/sa/manifest.yaml';
    const without = [pod('a'), pod('b'), pod('c')].join('---\n');
    const k049 = (ds: Diagnostic[]): number[] => ds.filter((d) => d.code === 'K8S049').map((d) => d.range.start.line).sort((x, y) => x - y);
    client.open(uri, 'yaml', without);
    assert.deepEqual(k049(await pull(uri)), [4, 14, 24]);
    client.change(uri, without + '\n');
    assert.deepEqual(k049(await pull(uri)), [4, 14, 24]);
    const withSa = `${without}---\n${SA}`;
    client.change(uri, withSa);
    const ds = await pull(uri);
    assert.deepEqual(k049(ds), [], 'the pods now use a ServiceAccount that does not mount the token');
    assert.deepEqual(keys(ds), keys(await reference(withSa)));
    // The ServiceAccount turns the mount back on: every pod is reported again.
    const mounting = withSa.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true');
    client.change(uri, mounting);
    const again = await pull(uri);
    assert.deepEqual(k049(again), [4, 14, 24, 34]);
    assert.deepEqual(keys(again), keys(await reference(mounting)));
    client.change(uri, without);
    assert.deepEqual(k049(await pull(uri)), [4, 14, 24]);
  });
});
