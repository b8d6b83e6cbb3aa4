/**
 * Incremental linting and schema validation of multi-document manifests through the server
 * (pull diagnostics, as VS Code): after each edit the diagnostics equal those of the same text
 * opened fresh under another URI (nothing cached), findings in untouched documents move with
 * their lines, K8S049 follows ServiceAccounts added or removed in other documents, and schema
 * diagnostics of every document are still reported: an edited document's are validated after
 * the pull is answered (which carries its previous ones, moved through the edit) and the server
 * then asks the client to pull again (workspace/diagnostic/refresh).
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
  /** Bulkhead's own diagnostics (not the schema's). */
  const own = (ds: Diagnostic[]): string[] => keys(ds.filter((d) => d.source !== 'bulkhead-schema'));
  /**
   * Changes the document and pulls: the answer has Bulkhead's findings of the new text at once;
   * the schema diagnostics of an edited document follow with a refresh, then a pull has all
   * (`validates`: false when no document's text is new, so nothing is left to validate).
   */
  const edit = async (uri: string, text: string, validates = true): Promise<{ first: Diagnostic[]; settled: Diagnostic[] }> => {
    const refreshes = client.refreshes;
    client.change(uri, text);
    const first = await pull(uri);
    if (!validates) return { first, settled: first };
    const deadline = Date.now() + 20_000;
    while (client.refreshes === refreshes) {
      assert.ok(Date.now() < deadline, 'no workspace/diagnostic/refresh after the edit');
      await new Promise((r) => setTimeout(r, 5));
    }
    return { first, settled: await pull(uri) };
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
      const { first, settled } = await edit(uri, text);
      const expected = await reference(text);
      assert.deepEqual(own(first), own(expected), `answer after typing ${JSON.stringify(edits.join(''))}`);
      assert.deepEqual(keys(settled), keys(expected), `after typing ${JSON.stringify(edits.join(''))} and the refresh`);
    }
    // Two lines were added in document c: documents d and e moved down by two.
    const last = await pull(uri);
    assert.deepEqual(k001(last), [10, 45]);
    assert.deepEqual(schema(last), [21, 56]);

    // A new document with a schema error and a privileged container, typed between b and c.
    const insertAt = text.indexOf('---\n', text.indexOf('  name: b')) + 4;
    text = text.slice(0, insertAt) + pod('n', PRIVILEGED + '\n' + SCHEMA_ERROR) + '---\n' + text.slice(insertAt);
    const { settled: withNew } = await edit(uri, text);
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
    assert.deepEqual(k049((await edit(uri, without + '\n')).first), [4, 14, 24]);
    const withSa = `${without}---\n${SA}`;
    const { first, settled } = await edit(uri, withSa);
    assert.deepEqual(k049(first), [], 'the pods now use a ServiceAccount that does not mount the token');
    assert.deepEqual(keys(settled), keys(await reference(withSa)));
    // The ServiceAccount turns the mount back on: every pod is reported again.
    const mounting = withSa.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true');
    const again = await edit(uri, mounting);
    assert.deepEqual(k049(again.first), [4, 14, 24, 34]);
    assert.deepEqual(keys(again.settled), keys(await reference(mounting)));
    // Removing a whole document leaves no document to validate: the answer is complete.
    const removed = await edit(uri, without, false);
    assert.deepEqual(k049(removed.first), [4, 14, 24]);
    assert.deepEqual(keys(removed.first), keys(await reference(without)));
  });

  it('answers an edit with the previous schema diagnostics moved through it, then the new ones after a refresh', async () => {
    const uri = 'file:///work/incremental/schema/manifest.yaml';
    const text = [pod('a', SCHEMA_ERROR), pod('b', SCHEMA_ERROR)].join('---\n');
    client.open(uri, 'yaml', text);
    const schemaLines = (ds: Diagnostic[]): number[] => ds.filter((d) => d.source === 'bulkhead-schema').map((d) => d.range.start.line).sort((x, y) => x - y);
    assert.deepEqual(schemaLines(await pull(uri)), [9, 20]);
    // Two lines typed at the top of document a: its own error (below the edit) and b's move down.
    const typed = text.replace('metadata:\n  name: a', 'metadata:\n  labels: {}\n  annotations: {}\n  name: a');
    const { first, settled } = await edit(uri, typed);
    assert.deepEqual(schemaLines(first), [11, 22], 'moved through the edit while document a is validated');
    assert.deepEqual(schemaLines(settled), [11, 22]);
    // A new schema error typed in document b shows after the refresh.
    const broken = typed.replace('  name: b', '  name: b\n  bogus: 1');
    const next = await edit(uri, broken);
    assert.deepEqual(schemaLines(next.first), [11, 23], 'not yet validated: the old error of b moved down');
    assert.deepEqual(schemaLines(next.settled), [11, 17, 23]);
    assert.deepEqual(keys(next.settled), keys(await reference(broken)));
  });
});
