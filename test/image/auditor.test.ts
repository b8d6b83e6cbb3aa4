/** Built-in auditor: whiteouts and the final view, package inventories, CycloneDX, content secrets, engine listing. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { auditImage } from '../../server/src/image/audit';
import { findSecrets } from '../../server/src/image/checks/secrets';
import { parseApkInstalled, parseDpkgStatus, parseNpmLock, parsePythonMetadata } from '../../server/src/image/packages';
import { scanImage } from '../../server/src/image/scan';
import { isValidImageReference, listEngineImages } from '../../server/src/image/sources/engine';
import { loadImage } from '../../server/src/image/sources/load';
import { DirStore, TarStore } from '../../server/src/image/sources/store';
import { buildImage, cli, dockerArchive, fakeTool, imagesDir, makeTar, sharedMissing, tmpDir, writeOciDir, type JsonResult, type TarEntry } from './helpers';

const env = { ...process.env, PATH: '/nonexistent-bin' };
const dirs = (...names: string[]): TarEntry[] => names.map((name) => ({ name: `${name}/`, type: 'directory' as const }));

async function view(file: string): Promise<string[]> {
  const store = await TarStore.open(file);
  const r = await auditImage(store, await loadImage(store), file, { collectPaths: true });
  return (r.paths ?? []).filter((p) => !p.endsWith('/'));
}

describe('whiteouts and the final filesystem view', () => {
  it('the whiteout fixture: only etc/passwd and opt/new.txt survive (as umoci unpack shows)', { skip: sharedMissing() }, async () => {
    const paths = await view(path.join(imagesDir, 'whiteout.docker25-style.tar'));
    const files = paths.filter((p) => p.includes('.') || p.endsWith('passwd'));
    assert.deepEqual(files.sort(), ['etc/passwd', 'opt/new.txt']);
    assert.ok(!paths.includes('opt/a.txt') && !paths.includes('opt/sub/b.txt') && !paths.includes('etc/server.pem'));
  });

  it('the insecure fixture: plain whiteouts in nested dirs remove exactly their files', { skip: sharedMissing() }, async () => {
    const paths = await view(path.join(imagesDir, 'insecure.docker-archive.tar'));
    assert.ok(!paths.includes('opt/old/remove-me.txt'));
    assert.ok(!paths.includes('opt/old/sub/file.txt'));
    assert.ok(paths.includes('opt/old/sub/new.txt'));
    assert.ok(paths.includes('etc/shadow'));
  });

  it('opaque dirs keep same-layer entries; directory whiteouts remove subtrees; later layers re-create; files replace dirs', async () => {
    const l1 = makeTar([
      ...dirs('a', 'a/sub', 'd', 'd/deep', 'r'),
      { name: 'a/x', content: '1' },
      { name: 'a/sub/y', content: '-----BEGIN PRIVATE KEY-----\nk\n-----END PRIVATE KEY-----\n' },
      { name: 'd/deep/z', content: '1' },
      { name: 'r/keep', content: '1' },
      { name: 'top', content: '1' },
      { name: 's', type: 'directory' },
      { name: 's/inner', content: '1', mode: 0o4755 },
    ]);
    const l2 = makeTar([
      { name: 'a/new', content: '2' },
      { name: 'a/.wh..wh..opq', content: '' },
      { name: '.wh.d', content: '' },
      { name: 's', content: 'now a file' },
    ]);
    const l3 = makeTar([...dirs('d'), { name: 'd/again', content: '3' }, { name: '.wh.top', content: '' }]);
    const file = path.join(tmpDir(), 'wh.tar');
    const spec = { layers: [{ tar: l1 }, { tar: l2 }, { tar: l3 }] };
    writeFileSync(file, dockerArchive(buildImage(spec), spec));
    const paths = await view(file);
    assert.deepEqual(paths.sort(), ['a', 'a/new', 'd', 'd/again', 'r', 'r/keep', 's']);
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.ok(!r.findings.some((f) => f.id === 'IMG-SETUID'), 's/inner went away when s became a file');
    const del = r.findings.find((f) => f.id === 'IMG-SECRET-DELETED');
    assert.equal(del?.path, 'a/sub/y');
    assert.match(del?.message ?? '', /removed in layer 2, but the bytes remain in layer 1/);
  });
});

const DPKG = `Package: libc6
Status: install ok installed
Architecture: amd64
Version: 2.36-9+deb12u4
Description: GNU C Library
 continuation line: ignored

Package: removed-pkg
Status: deinstall ok config-files
Version: 1.0

Package: bash
Status: install ok installed
Architecture: amd64
Version: 5.2.15-2+b2
`;
const APK = 'C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nL:MIT\n\nP:busybox\nV:1.36.1-r15\nA:x86_64\n';
const NPM3 = JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/express': { version: '4.19.2' }, 'node_modules/@types/node': { version: '20.1.0' }, 'node_modules/a/node_modules/b': { version: '1.0.0' }, 'node_modules/linked': { link: true } } });
const NPM1 = JSON.stringify({ name: 'old', lockfileVersion: 1, dependencies: { lodash: { version: '4.17.20', dependencies: { inner: { version: '0.1.0' } } } } });
const METADATA = 'Metadata-Version: 2.1\nName: Requests\nVersion: 2.31.0\nLicense: Apache 2.0\n\nLong description with Name: not-this\n';

describe('file checks without false positives', () => {
  it('apt lock files and partial/ are not a cache; a .git without a directory entry is still found', async () => {
    const layer = makeTar([
      { name: 'var/cache/apt/archives/lock', content: '' },
      { name: 'var/cache/apt/archives/partial/x', content: '' },
      { name: 'var/lib/apt/lists/lock', content: '' },
      { name: 'srv/repo/.git/HEAD', content: 'ref: refs/heads/main\n' },
      { name: 'srv/repo/.git/config', content: '[core]\n' },
      { name: 'tmp/', type: 'directory', mode: 0o1777 },
    ]);
    const spec = { layers: [{ tar: layer }], config: { config: { User: '1', Healthcheck: { Test: ['CMD', 'true'] } } } };
    const r = await scanImage(writeOciDir(tmpDir(), buildImage(spec)), { scanner: 'builtin', env });
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.path}`), ['IMG-GIT-DIR:srv/repo/.git']);
  });
});

describe('package inventories', () => {
  it('dpkg status: installed packages only, with purls', () => {
    const p = parseDpkgStatus(DPKG, 'var/lib/dpkg/status');
    assert.deepEqual(p.map((x) => `${x.name}@${x.version}`), ['libc6@2.36-9+deb12u4', 'bash@5.2.15-2+b2']);
    assert.equal(p[0]?.purl, 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64');
  });
  it('apk installed, npm lockfile v3 and v1, Python METADATA', () => {
    assert.deepEqual(parseApkInstalled(APK, 'lib/apk/db/installed').map((x) => [x.name, x.version, x.license]), [
      ['musl', '1.2.4-r2', 'MIT'],
      ['busybox', '1.36.1-r15', undefined],
    ]);
    assert.deepEqual(parseNpmLock(NPM3, 'app/package-lock.json').map((x) => x.purl), ['pkg:npm/express@4.19.2', 'pkg:npm/%40types/node@20.1.0', 'pkg:npm/b@1.0.0']);
    assert.deepEqual(parseNpmLock(NPM1, 'x/package-lock.json').map((x) => `${x.name}@${x.version}`), ['lodash@4.17.20', 'inner@0.1.0']);
    assert.deepEqual(parsePythonMetadata(METADATA, 'x.dist-info/METADATA').map((x) => x.purl), ['pkg:pypi/requests@2.31.0']);
    assert.deepEqual(parseNpmLock('{not json', 'x'), []);
  });
  it('through the CLI: inventory from every database in the final view, and a CycloneDX SBOM', () => {
    const layer = makeTar([
      ...dirs('etc', 'var', 'var/lib', 'var/lib/dpkg', 'lib', 'lib/apk', 'lib/apk/db', 'app', 'usr', 'usr/lib', 'usr/lib/python3', 'usr/lib/python3/dist-packages', 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info'),
      { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
      { name: 'var/lib/dpkg/status', content: DPKG },
      { name: 'lib/apk/db/installed', content: APK },
      { name: 'app/package-lock.json', content: NPM3 },
      { name: 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA', content: METADATA },
    ]);
    const spec = { layers: [{ tar: layer }], config: { config: { User: 'app', Healthcheck: { Test: ['CMD', 'true'] } } } };
    const dir = writeOciDir(tmpDir(), buildImage(spec));
    const json = cli(['image', dir, '--format', 'json'], { env });
    assert.equal(json.status, 0, json.stderr);
    const r = JSON.parse(json.stdout) as JsonResult;
    assert.equal(r.findings.length, 0, JSON.stringify(r.findings));
    assert.equal(r.packages.length, 2 + 2 + 3 + 1);
    const bomFile = path.join(tmpDir(), 'bom.json');
    cli(['image', dir, '--format', 'cyclonedx', '-o', bomFile], { env });
    const bom = JSON.parse(readFileSync(bomFile, 'utf8')) as { bomFormat: string; specVersion: string; serialNumber: string; components: { purl: string; type: string; name: string; version: string }[] };
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.5');
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.ok(bom.components.some((c) => c.purl === 'pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64' && c.type === 'library'));
    assert.ok(bom.components.some((c) => c.purl === 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64'));
    assert.ok(bom.components.some((c) => c.purl === 'pkg:pypi/requests@2.31.0'));
    assert.equal(bom.components.length, 8);
  });
});

describe('secrets in file contents', () => {
  it('finds keys and tokens, with line numbers; ignores look-alikes', () => {
    const text = [
      'x=1',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'token: ghp_0123456789abcdefghijABCDEFGHIJ012345',
      '-----BEGIN EC PRIVATE KEY-----',
      'npm_abcdefghijklmnopqrstuvwxyz0123456789',
      'sk_live_abcdefghijklmnopqrstuvwx',
      'glpat-abcdefghij0123456789',
    ].join('\n');
    const hits = findSecrets(text).map((h) => `${h.rule.id}:${h.line}`);
    assert.deepEqual(hits.sort(), ['aws-access-key-id:2', 'github-pat:3', 'gitlab-pat:7', 'npm-access-token:5', 'private-key:4', 'stripe-secret-token:6'].sort());
    assert.deepEqual(findSecrets('AKIA short\nghp_tooShort\n-----BEGIN PUBLIC KEY-----\nsk_test_abcdefghijklmnopqrstuvwx'), []);
  });
  it('binary files and files over the size cap are not searched; documentation paths are skipped', async () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nFAKE\n-----END RSA PRIVATE KEY-----\n';
    const layer = makeTar([
      { name: 'bin.dat', content: Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(key)]) },
      { name: 'big.txt', content: key + 'x'.repeat(600 * 1024) },
      { name: 'usr/share/doc/x/example.txt', content: key },
      { name: 'srv/app/key.txt', content: key },
    ]);
    const spec = { layers: [{ tar: layer }], config: { config: { User: '1', Healthcheck: { Test: ['CMD', 'true'] } } } };
    const r = await scanImage(writeOciDir(tmpDir(), buildImage(spec)), { scanner: 'builtin', env });
    assert.deepEqual(r.findings.map((f) => `${f.id}:${f.path}`), ['IMG-SECRET:srv/app/key.txt']);
  });
});

describe('engine listing and references', () => {
  it('parses docker (JSON lines) and podman (JSON array) listings', async () => {
    const dir = tmpDir();
    const docker = fakeTool(dir, 'docker', `process.stdout.write(JSON.stringify({Repository:'nginx',Tag:'1.27',ID:'abc123abc123',Size:'190MB',CreatedSince:'2 weeks ago'})+'\\n'+JSON.stringify({Repository:'<none>',Tag:'<none>',ID:'fff000fff000'})+'\\n')`);
    const podman = fakeTool(dir, 'podman', `process.stdout.write(JSON.stringify([{Id:'0123456789ab',Names:['docker.io/library/alpine:3.20'],Size:8000000}]))`);
    assert.deepEqual((await listEngineImages(docker)).map((i) => i.reference), ['nginx:1.27', 'fff000fff000']);
    assert.deepEqual((await listEngineImages(podman)).map((i) => [i.reference, i.size]), [['docker.io/library/alpine:3.20', '8000000']]);
  });
  it('validates references before use', () => {
    for (const ok of ['alpine', 'alpine:3.20', 'ghcr.io/org/app:v1.2', 'localhost:5000/a/b@sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64), 'abcdef012345']) assert.ok(isValidImageReference(ok), ok);
    for (const bad of ['-rm', '--output=/etc/passwd', 'a b', 'a;b', '$(id)', 'Upper:tag', '', 'a'.repeat(600)]) assert.ok(!isValidImageReference(bad), bad);
  });
  it('DirStore refuses paths outside the layout', async () => {
    const s = new DirStore(tmpDir());
    await assert.rejects(s.read('../../etc/passwd', 100), /points outside the layout directory/);
  });
});
