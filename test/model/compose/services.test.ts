import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { composeModelOf, definingService, fieldOf, isOverrideFile, resolvedField, type ComposeModel } from '../../../rules/src/model/compose/services';
import { stringValue, scalarValue } from '../../../rules/src/model/yaml/documents';
import { dedent } from '../../utils/dedent';

function model(text: string): ComposeModel {
  return composeModelOf(parseYaml(text));
}

describe('compose model: services', () => {
  it('finds services with the range of their key, in order, and the version', () => {
    const m = model(dedent`
      version: "3.9"
      services:
        web:
          image: nginx:1.27
        db:
          image: postgres:16
    `);
    assert.equal(m.version, '3.9');
    assert.deepEqual(m.services.map((s) => [s.name, s.range.start.line, s.range.start.character, s.range.end.character]), [['web', 2, 2, 5], ['db', 4, 2, 4]]);
  });

  it('skips services that are not maps and never throws on odd shapes', () => {
    const cases: [string, string[]][] = [
      ['services: []\n', []],
      ['services:\n', []],
      ['services: {a: null, b: 3, c: [x], d: {}}\n', ['d']],
      ['- a\n- b\n', []],
      ['', []],
      ['services: {? [a] : {image: x}, 7: {image: y}}\n', ['7']],
      ['services: {a: {image: [1, {b: 2}], ports: {x: 1}, volumes: 3, cap_add: ALL, environment: 5}}\n', ['a']],
    ];
    for (const [text, names] of cases) assert.deepEqual(model(text).services.map((s) => s.name), names, text);
  });

  it('uses the first document with a services map', () => {
    const m = model('x: 1\n---\nservices:\n  a:\n    image: alpine\n---\nservices:\n  b:\n    image: alpine\n');
    assert.deepEqual(m.services.map((s) => s.name), ['a']);
  });

  it('reads top-level volumes and their host paths', () => {
    const m = model(dedent`
      services: {a: {image: alpine}}
      volumes:
        plain: {}
        bound:
          driver_opts: {type: none, o: bind, device: /srv/data}
        persist:
          driver: local-persist
          driver_opts: {mountpoint: /var/data}
        nfs:
          driver_opts: {type: nfs, o: "addr=10.0.0.1", device: ":/exports"}
    `);
    assert.deepEqual(m.volumes.map((v) => [v.name, v.hostPath?.path]), [['plain', undefined], ['bound', '/srv/data'], ['persist', '/var/data'], ['nfs', undefined]]);
  });
});

describe('compose model: merge keys and extends', () => {
  const m = model(dedent`
    x-base: &base
      privileged: true
      restart: always
    x-more: &more
      restart: on-failure
      user: "1000"
      <<: *base
    services:
      a:
        <<: *base
        restart: "no"
      b:
        <<: [*more, *base]
      c:
        extends: b
        image: alpine:3.20
      d:
        extends: {file: other.yaml, service: x}
      e:
        extends: e
      f:
        environment: [A=1]
  `);
  const [a, b, c, d, e, f] = m.services;

  it('own keys win over merged ones, and merged fields point at the merge entry', () => {
    assert.equal(stringValue(fieldOf(a!, 'restart')?.value), 'no');
    assert.equal(fieldOf(a!, 'restart')?.inherited, false);
    const priv = fieldOf(a!, 'privileged');
    assert.equal(scalarValue(priv?.value), true);
    assert.equal(priv?.inherited, true);
    assert.deepEqual(priv?.at.start, { line: 9, character: 8 });
  });

  it('earlier merge sources win, nested merges are followed', () => {
    assert.equal(stringValue(fieldOf(b!, 'restart')?.value), 'on-failure');
    assert.equal(stringValue(fieldOf(b!, 'user')?.value), '1000');
    assert.equal(scalarValue(fieldOf(b!, 'privileged')?.value), true);
  });

  it('same-file extends resolves for "missing" checks only', () => {
    assert.equal(c!.base, b);
    assert.equal(fieldOf(c!, 'user'), undefined);
    assert.equal(stringValue(resolvedField(c!, 'user')?.value), '1000');
    assert.equal(definingService(c!, 'user'), b);
    assert.equal(definingService(c!, 'image'), c);
  });

  it('marks fragments as partial', () => {
    assert.equal(a!.partial, true, 'no image or build');
    assert.equal(c!.partial, false);
    assert.equal(d!.partial, true, 'extends another file');
    assert.equal(f!.partial, true, 'override-style fragment');
  });

  it('survives an extends cycle', () => {
    assert.equal(e!.base, e);
    assert.equal(resolvedField(e!, 'image'), undefined);
    assert.equal(definingService(e!, 'image'), undefined);
  });
});

describe('compose model: override files', () => {
  it('recognises override file names', () => {
    for (const p of ['docker-compose.override.yml', 'compose.override.yaml', 'x/y/compose.dev.override.yml', 'C:\\p\\Docker-Compose.Override.YAML']) assert.equal(isOverrideFile(p), true, p);
    for (const p of ['compose.yaml', 'overrides.yaml', 'compose.override.json', undefined]) assert.equal(isOverrideFile(p), false, String(p));
  });
  it('marks every service partial in an override file', () => {
    const m = composeModelOf(parseYaml('services:\n  a:\n    image: x:1\n'), 'compose.override.yml');
    assert.equal(m.override, true);
    assert.equal(m.services[0]!.partial, true);
    assert.equal(composeModelOf(parseYaml('services:\n  a:\n    image: x:1\n'), 'compose.yml').services[0]!.partial, false);
  });
});
