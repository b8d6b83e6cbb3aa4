/**
 * The startup scan's walk and prefilter (server/src/workspace-scan.ts): which files it hands
 * out, in which order, what the exclude settings hide, where the limits stop it, and that the
 * byte prefilter and parse give the same facts the CLI pre-pass uses.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { excludeMatchers, factFilesUnder, factsOfBytes, mayCarryFacts, type WalkCount } from '../../server/src/workspace-scan';

function write(path: string, text = 'a: 1\n'): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

async function walk(root: string, exclude: RegExp[] = [], maxFiles = 1000, maxEntries = 1000, stopAfter = Infinity): Promise<{ files: string[]; count: WalkCount }> {
  const count: WalkCount = { entries: 0, files: 0, truncated: false };
  const files: string[] = [];
  for await (const f of factFilesUnder(root, exclude, { maxFiles, maxEntries }, count, () => files.length >= stopAfter)) files.push(relative(root, f).split('\\').join('/'));
  return { files, count };
}

describe('startup scan walk', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-walk-'));
    write(join(root, 'b.yaml'));
    write(join(root, 'a.yml'));
    write(join(root, 'Kustomization'));
    write(join(root, 'deploy', 'app.json'));
    write(join(root, 'deploy', 'notes.md'));
    write(join(root, 'deploy', 'Dockerfile'));
    write(join(root, 'node_modules', 'x', 'policy.yaml'));
    write(join(root, '.git', 'config.yaml'));
    write(join(root, 'dist', 'policy.yaml'));
    write(join(root, 'src', 'dist', 'policy.yaml'));
    write(join(root, 'src', 'gen', 'x.yaml'));
    symlinkSync(join(root, 'deploy'), join(root, 'linked'), 'dir');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('hands out YAML, JSON and kustomization names folder by folder, never node_modules, .git or linked folders', async () => {
    const { files, count } = await walk(root);
    assert.deepEqual(files, ['Kustomization', 'a.yml', 'b.yaml', 'deploy/app.json', 'dist/policy.yaml', 'src/dist/policy.yaml', 'src/gen/x.yaml']);
    assert.equal(count.truncated, false);
  });

  it('exclude settings: `true` keys with braces, relative to the folder; conditional ones are left out', async () => {
    const exclude = excludeMatchers({ '{dist,out}': true, '**/gen/': true, '**/*.json': { when: '$(basename).ts' } }, null, { 'src/**': false });
    const { files } = await walk(root, exclude);
    assert.deepEqual(files, ['Kustomization', 'a.yml', 'b.yaml', 'deploy/app.json', 'src/dist/policy.yaml']);
    assert.deepEqual(excludeMatchers(undefined, 'x', 3), []);
  });

  it('stops at the file limit, the entry limit, or when stopped', async () => {
    const byFiles = await walk(root, [], 2);
    assert.deepEqual(byFiles.files, ['Kustomization', 'a.yml']);
    assert.equal(byFiles.count.truncated, true);
    const byEntries = await walk(root, [], 1000, 4);
    assert.equal(byEntries.count.truncated, true);
    assert.equal(byEntries.count.entries, 5);
    assert.deepEqual(byEntries.files, ['Kustomization', 'a.yml', 'b.yaml']);
    const stopped = await walk(root, [], 1000, 1000, 1);
    assert.deepEqual(stopped.files, ['Kustomization']);
    assert.equal(stopped.count.truncated, false);
  });
});

describe('startup scan prefilter', () => {
  it('kustomizations and files containing NetworkPolicy pass; other files do not', () => {
    assert.equal(mayCarryFacts('/w/kustomization.yaml', Buffer.from('resources: []\n')), true);
    assert.equal(mayCarryFacts('/w/a.yaml', Buffer.from('kind: NetworkPolicy\n')), true);
    assert.equal(mayCarryFacts('/w/a.yaml', Buffer.from('kind: Deployment\n')), false);
  });

  it('parses policies and patches into facts; binary files give none; a BOM is dropped', () => {
    const policy = Buffer.from('\ufeffapiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n');
    const facts = factsOfBytes('/w/p.yaml', policy);
    assert.equal(facts?.policies.length, 1);
    assert.equal(facts?.policies[0]?.namespace, 'shop');
    const kustomization = factsOfBytes('/w/kustomization.yaml', Buffer.from('patches:\n  - path: prod/deployment.yaml\n'));
    assert.ok(kustomization && kustomization.patches.length === 1, JSON.stringify(kustomization));
    assert.equal(factsOfBytes('/w/p.yaml', Buffer.concat([policy, Buffer.from([0])])), undefined);
    assert.deepEqual(factsOfBytes('/w/bad.yaml', Buffer.from('a: [\n  b: {\n')), { path: '/w/bad.yaml', policies: [], workloads: [], patches: [] });
  });
});
