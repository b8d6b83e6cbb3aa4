/** Hostile and broken archives, generated here: each ends with a bounded, clear error or finding — never a crash or hang. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { ScanError } from '../../server/src/image/model';
import { scanImage } from '../../server/src/image/scan';
import { buildImage, cli, dockerArchive, makeTar, ociEntries, tarHeader, tmpDir, writeOciDir, zstdRaw, type ImageSpec } from './helpers';

const env = { ...process.env, PATH: '/nonexistent-bin' };

function writeArchive(spec: ImageSpec, name = 'img.tar'): string {
  const file = path.join(tmpDir(), name);
  writeFileSync(file, dockerArchive(buildImage(spec), spec));
  return file;
}

function writeOciArchive(spec: ImageSpec): string {
  const file = path.join(tmpDir(), 'img.oci.tar');
  writeFileSync(file, makeTar(ociEntries(buildImage(spec))));
  return file;
}

async function scanError(target: string, opts: Parameters<typeof scanImage>[1] = {}): Promise<ScanError> {
  try {
    await scanImage(target, { scanner: 'builtin', env, ...opts });
  } catch (e) {
    assert.ok(e instanceof ScanError, `expected a ScanError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the scan to fail');
}

const ok = (): Buffer => makeTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }]);

describe('hostile archives', () => {
  it('"../" and absolute entry names inside a layer: reported, normalised, never followed', async () => {
    const layer = makeTar([
      { name: '../../../../etc/shadow', content: 'root::1:0:99999:7:::\n' },
      { name: '/abs/id_rsa', content: '-----BEGIN RSA PRIVATE KEY-----\nFAKE\n-----END RSA PRIVATE KEY-----\n' },
      { name: 'ok.txt', content: 'fine' },
    ]);
    const r = await scanImage(writeOciArchive({ layers: [{ tar: layer, compression: 'gzip' }], config: { config: { User: '1000', Healthcheck: { Test: ['CMD', 'true'] } } } }), { scanner: 'builtin', env });
    const unsafe = r.findings.find((f) => f.id === 'IMG-UNSAFE-PATH');
    assert.ok(unsafe, 'unsafe names reported');
    assert.match(unsafe.message, /2 entries whose name is absolute or climbs out/);
    assert.ok(r.findings.some((f) => f.id === 'IMG-EMPTY-PASSWORD' && f.path === 'etc/shadow'), 'treated as the image path it lands on');
    assert.ok(r.findings.some((f) => f.id === 'IMG-SECRET' && f.path === 'abs/id_rsa'));
  });

  it('manifest.json pointing a layer outside the archive', async () => {
    const spec: ImageSpec = { layers: [{ tar: ok() }] };
    const img = buildImage(spec);
    const file = path.join(tmpDir(), 'escape.tar');
    writeFileSync(
      file,
      makeTar([
        { name: 'c.json', content: img.config },
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', RepoTags: ['x:1'], Layers: ['../../../../etc/passwd'] }]) },
      ]),
    );
    const e = await scanError(file);
    assert.match(e.message, /layer 1 \(\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\) listed in manifest\.json is missing from the archive/);
  });

  it('OCI index with a digest that tries path traversal', async () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:../../../etc/passwd', size: 1 }] }));
    const e = await scanError(dir);
    assert.match(e.message, /Invalid content digest "sha256:\.\.\/\.\.\/\.\.\/etc\/passwd"/);
  });

  it('OCI layout blob that is a symlink leaving the directory', async () => {
    const spec: ImageSpec = { layers: [{ tar: ok(), compression: 'gzip' }] };
    const img = buildImage(spec);
    const dir = writeOciDir(tmpDir(), img);
    const blob = path.join(dir, 'blobs', 'sha256', (img.blobs[0]?.digest ?? '').replace('sha256:', ''));
    const outside = path.join(tmpDir(), 'outside');
    writeFileSync(outside, 'secret');
    require('node:fs').rmSync(blob);
    symlinkSync(outside, blob);
    const e = await scanError(dir);
    assert.match(e.message, /symlink that leaves the layout directory/);
  });

  it('symlink loop between layer.tar entries of a docker save archive', async () => {
    const img = buildImage({ layers: [{ tar: ok() }] });
    const file = path.join(tmpDir(), 'loop.tar');
    writeFileSync(
      file,
      makeTar([
        { name: 'c.json', content: img.config },
        { name: 'a/layer.tar', type: 'symlink', linkname: '../b/layer.tar' },
        { name: 'b/layer.tar', type: 'symlink', linkname: '../a/layer.tar' },
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', RepoTags: ['x:1'], Layers: ['a/layer.tar'] }]) },
      ]),
    );
    const e = await scanError(file);
    assert.match(e.message, /symlink loop/);
  });

  it('an outer entry whose size is absurd (more than the file holds)', async () => {
    const file = path.join(tmpDir(), 'huge.tar');
    writeFileSync(file, Buffer.concat([tarHeader({ name: 'manifest.json' }, 50 * 2 ** 30), Buffer.alloc(1024)]));
    const e = await scanError(file);
    assert.match(e.message, /is truncated: an entry claims 53687091200 bytes/);
  });

  it('a layer entry that claims a terabyte but the layer ends: truncated, bounded memory', async () => {
    const layer = Buffer.concat([tarHeader({ name: 'big.bin' }, 2 ** 40), Buffer.alloc(4096)]);
    const before = process.memoryUsage().rss;
    const e = await scanError(writeArchive({ layers: [{ tar: layer }] }));
    assert.match(e.message, /Layer 1\/1 \([0-9a-f]{12}\) (is truncated|could not be read)/);
    assert.ok(process.memoryUsage().rss - before < 200 * 2 ** 20);
  });

  it('truncated and corrupt gzip layers', async () => {
    const gz = zlib.gzipSync(makeTar([{ name: 'a.txt', content: 'x'.repeat(100_000) }, { name: 'b.txt', content: 'y'.repeat(100_000) }]));
    const spec = (data: Buffer): string => {
      // An OCI archive whose layer blob is the given bytes.
      const img = buildImage({ layers: [{ tar: ok(), compression: 'gzip' }] });
      const b = img.blobs[0];
      if (b) b.data = data;
      const entries = ociEntries(img).map((e) => (e.name.endsWith((b?.digest ?? '').replace('sha256:', '')) ? { ...e, content: data } : e));
      const file = path.join(tmpDir(), 'g.tar');
      writeFileSync(file, makeTar(entries));
      return file;
    };
    const truncated = await scanError(spec(gz.subarray(0, Math.floor(gz.length / 2))));
    assert.match(truncated.message, /is corrupt or truncated \(gzip: unexpected end of file\)/);
    const corrupt = Buffer.from(gz);
    for (let i = 20; i < 60; i++) corrupt[i] = 0xff;
    const bad = await scanError(spec(corrupt));
    assert.match(bad.message, /is corrupt or truncated \(gzip: /);
  });

  it('a gzip bomb stops at the ratio limit', async () => {
    const zeros = Buffer.alloc(300 * 2 ** 20);
    const bomb = zlib.gzipSync(Buffer.concat([tarHeader({ name: 'zeros' }, zeros.length), zeros]), { level: 9 });
    const started = Date.now();
    const img = buildImage({ layers: [{ tar: ok(), compression: 'gzip' }] });
    const b = img.blobs[0];
    const entries = ociEntries(img).map((e) => (b && e.name.endsWith(b.digest.replace('sha256:', '')) ? { ...e, content: bomb } : e));
    const file = path.join(tmpDir(), 'bomb.tar');
    writeFileSync(file, makeTar(entries));
    const e = await scanError(file);
    assert.match(e.message, /expands more than 1000× .* decompression bomb/);
    assert.ok(Date.now() - started < 30_000);
    const capped = await scanError(file, { audit: { limits: { maxLayerBytes: 2 ** 20 } } });
    assert.match(capped.message, /expands to more than 1048576 bytes/);
  });

  it('a tar bomb (too many entries) stops at the entry limit; 50k entries within the default limits is fine', async () => {
    const many = (n: number): Buffer => makeTar(Array.from({ length: n }, (_, i) => ({ name: `f/${i}`, content: '' })));
    const file = writeArchive({ layers: [{ tar: many(1500) }] });
    const e = await scanError(file, { audit: { limits: { maxEntries: 1000 } } });
    assert.match(e.message, /more than 1000 entries; stopped reading it \(tar bomb\?\)/);
    const started = Date.now();
    const r = await scanImage(writeArchive({ layers: [{ tar: many(50_000) }] }), { scanner: 'builtin', env });
    assert.equal(r.image.layers[0]?.entries, 50_000);
    assert.ok(Date.now() - started < 20_000);
  });

  it('zstd layers are read; a broken zstd stream is a clear error', async () => {
    const layer = makeTar([{ name: 'app/', type: 'directory' }, { name: 'app/.env', content: 'API_SECRET=abcdef123456\n' }, { name: 'usr/bin/x', mode: 0o4755, content: 'bin' }]);
    const r = await scanImage(writeOciArchive({ layers: [{ tar: layer, compression: 'zstd' }] }), { scanner: 'builtin', env });
    assert.equal(r.image.layers[0]?.compression, 'zstd');
    assert.ok(r.findings.some((f) => f.id === 'IMG-DOTENV'));
    assert.ok(r.findings.some((f) => f.id === 'IMG-SETUID' && f.path === 'usr/bin/x'));
    assert.ok(!r.notes.some((n) => n.includes('does not match')), 'DiffID verified after decompression');
    const broken = Buffer.from(zstdRaw(layer));
    broken[6] = 0xff; // block header: reserved block type
    broken[7] = 0xff;
    broken[8] = 0xff;
    const img = buildImage({ layers: [{ tar: layer, compression: 'zstd' }] });
    const b = img.blobs[0];
    const entries = ociEntries(img).map((e) => (b && e.name.endsWith(b.digest.replace('sha256:', '')) ? { ...e, content: broken } : e));
    const file = path.join(tmpDir(), 'z.tar');
    writeFileSync(file, makeTar(entries));
    const e = await scanError(file);
    assert.match(e.message, /not a valid zstd stream|corrupt/);
  });

  it('real zstd-compressed layers (from the zstd CLI, when installed) are read', async (t) => {
    const zstd = ['/usr/bin/zstd', '/usr/local/bin/zstd'].find((p) => existsSync(p));
    if (!zstd) {
      t.skip('zstd CLI not installed: compressed (non-raw) zstd frames not exercised here');
      return;
    }
    const files = Array.from({ length: 300 }, (_, i) => ({ name: `srv/f${i}.txt`, content: `line ${i} `.repeat(2000) }));
    const layer = makeTar([...files, { name: 'srv/key.pem', content: '-----BEGIN PRIVATE KEY-----\nFAKE\n-----END PRIVATE KEY-----\n' }]);
    const compressed = execFileSync(zstd, ['-q', '-19', '-c'], { input: layer, maxBuffer: 64 * 2 ** 20 });
    assert.ok(compressed.length < layer.length / 10, 'really compressed');
    const img = buildImage({ layers: [{ tar: layer, compression: 'zstd' }] });
    const b = img.blobs[0];
    const entries = ociEntries(img).map((e) => (b && e.name.endsWith(b.digest.replace('sha256:', '')) ? { ...e, content: compressed } : e));
    const file = path.join(tmpDir(), 'zreal.tar');
    writeFileSync(file, makeTar(entries));
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.equal(r.image.layers[0]?.compression, 'zstd');
    assert.equal(r.image.layers[0]?.uncompressedSize, layer.length);
    assert.equal(r.image.layers[0]?.diffId, img.diffIds[0]);
    assert.ok(r.findings.some((f) => f.id === 'IMG-SECRET' && f.path === 'srv/key.pem'));
  });

  it('not an image: empty file, random bytes, a directory without index.json, a gzip file that is not a tar', async () => {
    const d = tmpDir();
    writeFileSync(path.join(d, 'empty.tar'), '');
    writeFileSync(path.join(d, 'random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    writeFileSync(path.join(d, 'plain.tar'), makeTar([{ name: 'hello.txt', content: 'hi' }]));
    writeFileSync(path.join(d, 'img.tar.gz'), zlib.gzipSync(Buffer.from('just some text, not a tar archive\n'.repeat(100))));
    const noisy = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * i * 7919) % 251));
    const cut = zlib.gzipSync(makeTar([{ name: 'manifest.json', content: noisy }]));
    writeFileSync(path.join(d, 'cut.tar.gz'), cut.subarray(0, Math.floor(cut.length / 2)));
    mkdirSync(path.join(d, 'notlayout'));
    assert.match((await scanError(path.join(d, 'empty.tar'))).message, /not a tar archive \(too short\)/);
    assert.match((await scanError(path.join(d, 'random.bin'))).message, /not a tar archive \(bad header checksum\)/);
    assert.match((await scanError(path.join(d, 'plain.tar'))).message, /neither manifest\.json \(docker save\) nor index\.json/);
    assert.match((await scanError(path.join(d, 'img.tar.gz'))).message, /img\.tar\.gz is corrupt or truncated \(gzip\/tar: /);
    assert.match((await scanError(path.join(d, 'cut.tar.gz'))).message, /cut\.tar\.gz is corrupt or truncated \(gzip\/tar: unexpected end of file\)/);
    assert.match((await scanError(path.join(d, 'notlayout'))).message, /not an OCI image layout/);
  });

  it('through the CLI: a hostile archive exits 2 with one clear line, no stack trace', () => {
    const file = path.join(tmpDir(), 'huge.tar');
    writeFileSync(file, Buffer.concat([tarHeader({ name: 'manifest.json' }, 2 ** 33), Buffer.alloc(1024)]));
    const res = cli(['image', file], { env });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /^bulkhead image: .* is truncated/);
    assert.doesNotMatch(res.stderr, /\n\s+at /);
  });
});
