import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResolver } from '../../server/src/config/files';
import { lint } from '../../rules/src/api';

describe('config file discovery', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-config-'));
    mkdirSync(join(root, 'svc', 'dev'), { recursive: true });
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, '.bulkhead.yaml'), 'rules:\n  DF001: error\nignorePaths: ["vendor/**"]\n');
    writeFileSync(join(root, 'svc', '.bulkhead.yml'), 'rules:\n  DF001: info\noverrides:\n  - files: ["dev/**"]\n    rules: { DF001: off }\n');
    writeFileSync(join(root, 'other', '.hadolint.yaml'), 'ignored: [DL3007]\nfailure-threshold: warning\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const severityAt = (r: ConfigResolver, rel: string, editor = {}): string[] => {
    const c = r.resolve(join(root, rel), editor);
    return lint({ path: join(root, rel), text: 'FROM node:latest\n' }, c).findings.filter((f) => f.ruleId === 'DF001').map((f) => f.severity);
  };

  it('the nearest .bulkhead file wins', () => {
    const r = new ConfigResolver();
    assert.deepEqual(severityAt(r, 'Dockerfile'), ['error']);
    assert.deepEqual(severityAt(r, 'svc/Dockerfile'), ['info']);
    assert.deepEqual(severityAt(r, 'svc/dev/Dockerfile'), []);
  });

  it('editor settings layer on top of the file', () => {
    assert.deepEqual(severityAt(new ConfigResolver(), 'svc/Dockerfile', { severityOverrides: { DF001: 'hint' } }), ['hint']);
  });

  it('.hadolint.yaml applies beneath and maps DL ids', () => {
    const r = new ConfigResolver();
    assert.deepEqual(severityAt(r, 'other/Dockerfile'), ['error'], 'root .bulkhead.yaml (DF001: error) outranks the hadolint layer');
    const c = r.resolve(join(root, 'other', 'Dockerfile'));
    assert.equal(c.failureThreshold, 'warning');
    assert.equal(c.sources.length, 2);
  });

  it('ignorePaths', () => {
    assert.equal(new ConfigResolver().resolve(join(root, 'vendor', 'x', 'Dockerfile')).ignored, true);
  });

  it('picks up changes after invalidate', () => {
    const r = new ConfigResolver();
    assert.deepEqual(severityAt(r, 'svc/Dockerfile'), ['info']);
    writeFileSync(join(root, 'svc', '.bulkhead.yml'), 'rules:\n  DF001: warning\n');
    assert.deepEqual(severityAt(r, 'svc/Dockerfile'), ['info'], 'cached until invalidated');
    r.invalidate(join(root, 'svc', '.bulkhead.yml'));
    assert.deepEqual(severityAt(r, 'svc/Dockerfile'), ['warning']);
  });

  it('reports problems of an invalid file instead of ignoring it', () => {
    const dir = join(root, 'bad');
    mkdirSync(dir);
    writeFileSync(join(dir, '.bulkhead.yaml'), 'rules:\n  DF001: loud\n');
    const c = new ConfigResolver().resolve(join(dir, 'Dockerfile'));
    assert.equal(c.sources[0]?.problems.length, 1);
    assert.match(c.sources[0]!.problems[0]!.message, /error, warning, info, hint, off/);
  });
});
