import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { parseYaml, mapGet, type YamlFile } from '../../../rules/src/model/yaml/documents';
import { composeModelOf, fieldOf } from '../../../rules/src/model/compose/services';
import { addListEntry, addMapEntry, appendSeqItem, deleteField, deleteItem, deleteListEntry, makeMountReadOnly, replaceScalar, setScalarField } from '../../../rules/src/model/compose/edits';
import { applyEdits } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

/** Applies one edit and checks the result still parses cleanly. */
function apply(file: YamlFile, e: TextEdit | undefined): string {
  assert.ok(e, 'expected an edit');
  const out = applyEdits(file.text, [e]);
  assert.deepEqual(parseYaml(out).errors.map((x) => x.message), [], out);
  return out;
}

const text = dedent`
  # top comment
  services:
    web: # the web tier
      image: nginx:1.27   # pinned
      privileged: true
      cap_add:
        - NET_ADMIN     # why
        - SYS_TIME
      ports: [ "80:80", "443:443" ]
      deploy:
        resources: {limits: {cpus: "1"}}
      volumes:
        - type: bind
          source: ./a
          target: /a
    db: {image: "postgres:16", user: root}
`;

describe('compose edits', () => {
  const file = parseYaml(text);
  const m = composeModelOf(file);
  const web = m.services[0]!;
  const db = m.services[1]!;

  it('deletes a block key with its trailing comment, nothing else', () => {
    assert.equal(apply(file, deleteField(file, web, fieldOf(web, 'privileged'))), text.replace('    privileged: true\n', ''));
  });

  it('deletes a block key whose value spans lines', () => {
    assert.equal(apply(file, deleteField(file, web, fieldOf(web, 'cap_add'))), text.replace('    cap_add:\n      - NET_ADMIN     # why\n      - SYS_TIME\n', ''));
  });

  it('deletes block and flow list items', () => {
    const caps = fieldOf(web, 'cap_add')!;
    const ports = fieldOf(web, 'ports')!;
    assert.equal(apply(file, deleteListEntry(file, web, caps, (caps.value as { items: unknown[] }).items[0])), text.replace('      - NET_ADMIN     # why\n', ''));
    assert.equal(apply(file, deleteListEntry(file, web, ports, (ports.value as { items: unknown[] }).items[0])), text.replace('[ "80:80", "443:443" ]', '[ "443:443" ]'));
    assert.equal(apply(file, deleteListEntry(file, web, ports, (ports.value as { items: unknown[] }).items[1])), text.replace('[ "80:80", "443:443" ]', '[ "80:80" ]'));
  });

  it('deletes flow map entries, first and last', () => {
    assert.equal(apply(file, deleteField(file, db, fieldOf(db, 'user'))), text.replace('{image: "postgres:16", user: root}', '{image: "postgres:16"}'));
    assert.equal(apply(file, deleteField(file, db, fieldOf(db, 'image'))), text.replace('{image: "postgres:16", user: root}', '{user: root}'));
  });

  it('deletes the first key of a map inside a sequence item by pulling the next key up', () => {
    const mount = (fieldOf(web, 'volumes')!.value as { items: unknown[] }).items[0];
    const pair = (mount as { items: unknown[] }).items[0];
    assert.equal(apply(file, deleteItem(file, mount, pair)), text.replace('      - type: bind\n        source: ./a', '      - source: ./a'));
  });

  it('refuses to delete the only item of a collection', () => {
    const single = parseYaml('a:\n  b: 1\nl: [x]\n');
    const root = single.documents[0]!.root as { items: { value: { items: unknown[] } }[] };
    assert.equal(deleteItem(single, root.items[0]!.value, root.items[0]!.value.items[0]), undefined);
    assert.equal(deleteItem(single, root.items[1]!.value, root.items[1]!.value.items[0]), undefined);
  });

  it('appends to block and flow lists in their style', () => {
    assert.equal(apply(file, addListEntry(file, web, 'cap_add', 'CHOWN')), text.replace('      - SYS_TIME\n', '      - SYS_TIME\n      - CHOWN\n'));
    assert.equal(apply(file, appendSeqItem(file, fieldOf(web, 'ports')!.value, '"8080:8080"')), text.replace('"443:443" ]', '"443:443", "8080:8080" ]'));
    const empty = parseYaml('a: []\n');
    assert.equal(apply(empty, appendSeqItem(empty, mapGet(empty.documents[0]!.root, 'a'), 'x')), 'a: [x]\n');
  });

  it('adds keys to block maps (after the last entry, at its indentation) and flow maps', () => {
    assert.equal(apply(file, setScalarField(file, web, 'read_only', 'true')), text.replace('        target: /a\n', '        target: /a\n    read_only: true\n'));
    assert.equal(apply(file, addMapEntry(file, db.node, 'read_only', 'true')), text.replace('user: root}', 'user: root, read_only: true}'));
    const limits = mapGet(mapGet(fieldOf(web, 'deploy')!.value, 'resources'), 'limits');
    assert.equal(apply(file, addMapEntry(file, limits, 'memory', '512M')), text.replace('{cpus: "1"}', '{cpus: "1", memory: 512M}'));
    assert.equal(apply(file, addListEntry(file, db, 'security_opt', 'no-new-privileges:true')), text.replace('user: root}', 'user: root, security_opt: [no-new-privileges:true]}'));
  });

  it('adds a key at the end of a file without a final newline', () => {
    const f = parseYaml('services:\n  a:\n    image: x');
    const a = composeModelOf(f).services[0]!;
    assert.equal(apply(f, setScalarField(f, a, 'read_only', 'true')), 'services:\n  a:\n    image: x\n    read_only: true');
  });

  it('replaces scalars keeping their quoting', () => {
    assert.equal(apply(file, replaceScalar(file, fieldOf(db, 'user')!.value, '1000:1000', true, true)), text.replace('user: root', 'user: "1000:1000"'));
    assert.equal(apply(file, replaceScalar(file, fieldOf(db, 'image')!.value, 'postgres:16.4')), text.replace('"postgres:16"', '"postgres:16.4"'));
    const single = parseYaml("a: 'x'\nb: plain\n");
    const root = single.documents[0]!.root;
    assert.equal(apply(single, replaceScalar(single, mapGet(root, 'a'), "it's")), "a: 'it''s'\nb: plain\n");
    assert.equal(apply(single, replaceScalar(single, mapGet(root, 'b'), 'x, y', false)), "a: 'x'\nb: x, y\n");
    assert.equal(apply(single, replaceScalar(single, mapGet(root, 'b'), 'x, y')), "a: 'x'\nb: \"x, y\"\n");
    assert.equal(apply(single, replaceScalar(single, mapGet(root, 'b'), 'key: value')), "a: 'x'\nb: \"key: value\"\n");
  });

  it('makes long-syntax mounts read-only', () => {
    assert.equal(apply(file, makeMountReadOnly(file, web.volumes[0]!)), text.replace('        target: /a\n', '        target: /a\n        read_only: true\n'));
  });
});
