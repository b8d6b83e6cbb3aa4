import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, getIn, type YamlFile } from '../../../rules/src/model/yaml/documents';
import { setIn, addKey, removeKey, removeSeqItem, appendToSeq, renderScalar, indentUnit, replaceNode } from '../../../rules/src/model/yaml/edits';
import { applyEdits } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';
import type { TextEdit } from 'vscode-languageserver-types';

function apply(text: string, make: (f: YamlFile, root: unknown) => TextEdit | undefined): string {
  const f = parseYaml(text);
  const e = make(f, f.documents[0]?.root);
  assert.ok(e, 'expected an edit');
  const out = applyEdits(text, [e]);
  const again = parseYaml(out);
  assert.deepEqual(again.errors.map((x) => x.message), [], `edit produced invalid YAML:\n${out}`);
  return out;
}

function root(text: string, path: (string | number)[]): (f: YamlFile, r: unknown) => unknown {
  void text;
  return (_f, r) => getIn(r, path);
}

describe('setIn', () => {
  it('inserts a nested key, creating missing maps, keeping comments and indentation', () => {
    const text = dedent`
      spec:
          containers:
              - name: app # main
                image: nginx:1.27
                # trailing comment
      other: 1
    `;
    const out = apply(text, (f, r) => setIn(f, getIn(r, ['spec', 'containers', 0]), ['securityContext', 'allowPrivilegeEscalation'], false, indentUnit(f, r)));
    assert.equal(out, dedent`
      spec:
          containers:
              - name: app # main
                image: nginx:1.27
                securityContext:
                    allowPrivilegeEscalation: false
                # trailing comment
      other: 1
    `);
  });
  it('follows existing maps and adds a sibling key', () => {
    const text = 'c:\n  securityContext:\n    privileged: false\n  image: x\n';
    const out = apply(text, (f, r) => setIn(f, getIn(r, ['c']), ['securityContext', 'capabilities', 'drop'], ['ALL']));
    assert.equal(out, 'c:\n  securityContext:\n    privileged: false\n    capabilities:\n      drop: [ALL]\n  image: x\n');
  });
  it('replaces an existing scalar value', () => {
    const text = 'sc:\n  allowPrivilegeEscalation: true  # why\n';
    assert.equal(apply(text, (f, r) => setIn(f, r, ['sc', 'allowPrivilegeEscalation'], false)), 'sc:\n  allowPrivilegeEscalation: false  # why\n');
  });
  it('writes into flow maps', () => {
    assert.equal(apply('c: {name: a, securityContext: {privileged: true}}\n', (f, r) => setIn(f, getIn(r, ['c']), ['securityContext', 'runAsNonRoot'], true)), 'c: {name: a, securityContext: {privileged: true, runAsNonRoot: true}}\n');
    assert.equal(apply('c: {}\n', (f, r) => setIn(f, getIn(r, ['c']), ['a', 'b'], 'x')), 'c: {a: {b: x}}\n');
  });
  it('uses JSON quoting in JSON documents', () => {
    const text = '{"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}';
    assert.equal(apply(text, (f, r) => setIn(f, getIn(r, ['spec', 'containers', 0]), ['securityContext', 'readOnlyRootFilesystem'], true)), '{"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"readOnlyRootFilesystem": true}}]}}');
  });
  it('fills an empty value', () => {
    assert.equal(apply('c:\n  securityContext:\n  image: x\n', (f, r) => setIn(f, getIn(r, ['c']), ['securityContext', 'privileged'], false)), 'c:\n  securityContext:\n    privileged: false\n  image: x\n');
  });
  it('keeps the other documents and CRLF line ends', () => {
    const text = 'a: 1\r\nb:\r\n  c: 2\r\n---\r\nd: 3\r\n';
    assert.equal(apply(text, (f, r) => setIn(f, getIn(r, ['b']), ['e', 'f'], 'g')), 'a: 1\r\nb:\r\n  c: 2\r\n  e:\r\n    f: g\r\n---\r\nd: 3\r\n');
  });
  it('appends at the end of a file without a final newline', () => {
    assert.equal(apply('a:\n  b: 1', (f, r) => addKey(f, getIn(r, ['a']), 'c', 2)), 'a:\n  b: 1\n  c: 2\n');
  });
  it('inserts after a block scalar and before a less-indented comment', () => {
    const text = 'c:\n  - name: a\n    args: |\n      one\n      two\n# about d\nd: 1\n';
    assert.equal(apply(text, (f, r) => setIn(f, getIn(r, ['c', 0]), ['securityContext', 'privileged'], false)), 'c:\n  - name: a\n    args: |\n      one\n      two\n    securityContext:\n      privileged: false\n# about d\nd: 1\n');
  });
  it('writes into a flow map nested in a block sequence item', () => {
    assert.equal(apply('c:\n  - {name: a, image: "x:1"}\n', (f, r) => setIn(f, getIn(r, ['c', 0]), ['resources', 'limits', 'memory'], '512Mi')), 'c:\n  - {name: a, image: "x:1", resources: {limits: {memory: 512Mi}}}\n');
  });
  it('replaces an explicit null', () => {
    assert.equal(apply('a:\n  sc: null\n', (f, r) => setIn(f, getIn(r, ['a']), ['sc', 'x'], true)), 'a:\n  sc: {x: true}\n');
  });
  it('replaces a block sequence without eating the line break', () => {
    assert.equal(apply('caps:\n  add:\n    - NET_RAW\n---\nb: 1\n', (f, r) => replaceNode(f, getIn(r, ['caps', 'add']), '[]')), 'caps:\n  add:\n    []\n---\nb: 1\n');
  });
  it('refuses to write through a scalar', () => {
    const f = parseYaml('a: 1\n');
    assert.equal(setIn(f, f.documents[0]?.root, ['a', 'b'], 1), undefined);
  });
});

describe('removeKey / removeSeqItem / appendToSeq', () => {
  it('removes a block pair with its comment line intact elsewhere', () => {
    assert.equal(apply('spec:\n  hostNetwork: true # x\n  containers: []\n', (f, r) => removeKey(f, getIn(r, ['spec']), 'hostNetwork')), 'spec:\n  containers: []\n');
  });
  it('removes the first key of a sequence item without breaking the dash', () => {
    assert.equal(apply('ports:\n  - hostPort: 80\n    containerPort: 80\n', (f, r) => removeKey(f, getIn(r, ['ports', 0]), 'hostPort')), 'ports:\n  - containerPort: 80\n');
  });
  it('removes flow entries with one comma', () => {
    assert.equal(apply('a: {b: 1, c: 2}\n', (f, r) => removeKey(f, getIn(r, ['a']), 'b')), 'a: {c: 2}\n');
    assert.equal(apply('a: {b: 1, c: 2}\n', (f, r) => removeKey(f, getIn(r, ['a']), 'c')), 'a: {b: 1}\n');
    assert.equal(apply('a: [X, Y, Z]\n', (f, r) => removeSeqItem(f, getIn(r, ['a']), 1)), 'a: [X, Z]\n');
  });
  it('removes a block sequence item', () => {
    assert.equal(apply('add:\n  - NET_ADMIN\n  - CHOWN\n', (f, r) => removeSeqItem(f, getIn(r, ['add']), 0)), 'add:\n  - CHOWN\n');
  });
  it('appends to block and flow sequences', () => {
    assert.equal(apply('drop:\n- NET_RAW\nx: 1\n', (f, r) => appendToSeq(f, getIn(r, ['drop']), 'ALL')), 'drop:\n- NET_RAW\n- ALL\nx: 1\n');
    assert.equal(apply('drop: [NET_RAW]\n', (f, r) => appendToSeq(f, getIn(r, ['drop']), 'ALL')), 'drop: [NET_RAW, ALL]\n');
    assert.equal(apply('drop: []\n', (f, r) => appendToSeq(f, getIn(r, ['drop']), 'ALL')), 'drop: [ALL]\n');
  });
});

describe('renderScalar', () => {
  it('quotes values that would change type', () => {
    assert.equal(renderScalar('true'), '"true"');
    assert.equal(renderScalar('100m'), '100m');
    assert.equal(renderScalar('512'), '"512"');
    assert.equal(renderScalar('a: b'), '"a: b"');
    assert.equal(renderScalar(false), 'false');
    assert.equal(renderScalar('x', true), '"x"');
  });
  it('detects the indentation step', () => {
    const f = parseYaml('a:\n    b: 1\n');
    assert.equal(indentUnit(f, f.documents[0]?.root), 4);
    void root;
  });
});
