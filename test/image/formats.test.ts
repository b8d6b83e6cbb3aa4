/** Archive layouts: containerd-store docker save (gzip layers, blobs/ paths), multi-platform indexes, missing blobs, long names. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as zlib from 'node:zlib';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { historyChecks } from '../../server/src/image/checks/history';
import { ScanError } from '../../server/src/image/model';
import { scanImage } from '../../server/src/image/scan';
import { indexTar } from '../../server/src/image/sources/tar-index';
import { buildImage, imagesDir, makeTar, ociEntries, sha256, sharedMissing, tarHeader, tmpDir, type TarEntry } from './helpers';

const env = { ...process.env, PATH: '/nonexistent-bin' };
const setuidLayer = (name: string): Buffer => makeTar([{ name, content: 'x', mode: 0o4755 }]);

describe('archive layouts', () => {
  it('containerd image store docker save: gzip layers under blobs/sha256, no repositories file', async () => {
    const spec = { layers: [{ tar: setuidLayer('bin/su'), compression: 'gzip' as const }, { tar: setuidLayer('bin/mount'), compression: 'gzip' as const }] };
    const img = buildImage(spec);
    const manifest = [{ Config: `blobs/sha256/${img.configDigest.slice(7)}`, RepoTags: ['app:1'], Layers: img.blobs.map((b) => `blobs/sha256/${b.digest.slice(7)}`) }];
    const file = path.join(tmpDir(), 'containerd.tar');
    writeFileSync(file, makeTar([...ociEntries(img, 'app:1'), { name: 'manifest.json', content: JSON.stringify(manifest) }]));
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.deepEqual(r.image.layers.map((l) => l.compression), ['gzip', 'gzip']);
    assert.deepEqual(r.image.layers.map((l) => l.diffId), img.diffIds, 'DiffIDs computed after decompression');
    assert.deepEqual(r.findings.filter((f) => f.id === 'IMG-SETUID').map((f) => f.path).sort(), ['bin/mount', 'bin/su']);
    assert.deepEqual(r.image.tags, ['app:1']);
  });

  it('multi-platform OCI index: picks linux/amd64 and skips attestation manifests', async () => {
    const amd = buildImage({ layers: [{ tar: setuidLayer('amd64-only'), compression: 'gzip' }] });
    const arm = buildImage({ layers: [{ tar: setuidLayer('arm64-only'), compression: 'gzip' }] });
    const nested = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: arm.manifestDigest, size: arm.manifest.length, platform: { os: 'linux', architecture: 'arm64' } },
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:' + 'e'.repeat(64), size: 10, platform: { os: 'unknown', architecture: 'unknown' } },
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: amd.manifestDigest, size: amd.manifest.length, platform: { os: 'linux', architecture: 'amd64' } },
        ],
      }),
    );
    const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256(nested), size: nested.length, annotations: { 'io.containerd.image.name': 'docker.io/library/multi:1' } }] };
    const blobs = new Map<string, Buffer>();
    for (const img of [amd, arm]) for (const e of ociEntries(img)) if (e.name.startsWith('blobs/')) blobs.set(e.name, e.content as Buffer);
    blobs.set(`blobs/sha256/${sha256(nested).slice(7)}`, nested);
    const file = path.join(tmpDir(), 'multi.tar');
    writeFileSync(file, makeTar([{ name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' }, { name: 'index.json', content: JSON.stringify(index) }, ...[...blobs].map(([name, content]) => ({ name, content }))]));
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.deepEqual(r.findings.filter((f) => f.id === 'IMG-SETUID').map((f) => f.path), ['amd64-only']);
    assert.match(r.notes.join('\n'), /Multi-platform image: scanned linux\/amd64/);
    assert.deepEqual(r.image.tags, ['docker.io/library/multi:1']);
  });

  it('a layer blob missing from the archive (containerd store, other platform) is a clear error', async () => {
    const img = buildImage({ layers: [{ tar: setuidLayer('a'), compression: 'gzip' }, { tar: setuidLayer('b'), compression: 'gzip' }] });
    const missing = img.blobs[1]?.digest.slice(7) ?? '';
    const file = path.join(tmpDir(), 'missing.tar');
    writeFileSync(file, makeTar(ociEntries(img).filter((e) => !e.name.endsWith(missing))));
    await assert.rejects(scanImage(file, { scanner: 'builtin', env }), (e: unknown) => e instanceof ScanError && /layer 2 \(sha256:[0-9a-f]{64}\) is missing from the layout\. .*docker save --platform/s.test(e.message));
  });

  it('outer tars with GNU long names and pax paths are indexed', async () => {
    const long = `${'d'.repeat(120)}/manifest-${'x'.repeat(40)}.json`;
    const gnu: Buffer[] = [];
    const nameBuf = Buffer.from(long + '\0');
    const L = tarHeader({ name: '././@LongLink' }, nameBuf.length);
    L.write('L', 156);
    let sum = 0;
    L.write('        ', 148);
    for (const b of L) sum += b;
    L.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    gnu.push(L, nameBuf, Buffer.alloc((512 - (nameBuf.length % 512)) % 512));
    const body = Buffer.from('hello');
    gnu.push(tarHeader({ name: 'short-name-ignored' }, body.length), body, Buffer.alloc(507));
    const paxRecord = (k: string, v: string): string => {
      let len = k.length + v.length + 3;
      len += String(len).length;
      if (String(len).length !== String(len - String(len - 1).length).length) len++;
      return `${len} ${k}=${v}\n`;
    };
    const pax = Buffer.from(paxRecord('path', 'pax/very/long/' + 'p'.repeat(150)));
    const x = tarHeader({ name: 'PaxHeader' }, pax.length);
    x.write('x', 156);
    x.write('        ', 148);
    sum = 0;
    for (const b of x) sum += b;
    x.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    gnu.push(x, pax, Buffer.alloc((512 - (pax.length % 512)) % 512), tarHeader({ name: 'ignored' }, 0), Buffer.alloc(1024));
    const file = path.join(tmpDir(), 'long.tar');
    writeFileSync(file, Buffer.concat(gnu));
    const idx = await indexTar(file);
    assert.deepEqual([...idx.keys()], [long, 'pax/very/long/' + 'p'.repeat(150)]);
    assert.equal(idx.get(long)?.size, 5);
  });

  it('long names inside layers (ustar prefix) are read', async () => {
    const deep = `${'a'.repeat(90)}/${'b'.repeat(60)}/.env`;
    const entries: TarEntry[] = [{ name: deep, content: 'TOKEN_SECRET=abcdef0123\n' }];
    const img = buildImage({ layers: [{ tar: makeTar(entries) }] });
    const file = path.join(tmpDir(), 'deep.tar');
    writeFileSync(file, makeTar(ociEntries(img)));
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.ok(r.findings.some((f) => f.id === 'IMG-DOTENV' && f.path === deep));
  });
});

describe('gzip-compressed outer archives (docker save | gzip)', () => {
  it('give the same findings as the plain archive, layers read by streaming passes', { skip: sharedMissing() }, async () => {
    const plain = path.join(imagesDir, 'insecure.docker-archive.tar');
    const gz = path.join(tmpDir(), 'insecure.tar.gz');
    writeFileSync(gz, zlib.gzipSync(readFileSync(plain)));
    const a = await scanImage(plain, { scanner: 'builtin', env });
    const b = await scanImage(gz, { scanner: 'builtin', env });
    const key = (r: typeof a): string[] => r.findings.map((f) => `${f.id}|${f.path ?? ''}|${f.layerIndex ?? ''}`).sort();
    assert.equal(b.findings.length, 18);
    assert.deepEqual(key(b), key(a));
    assert.deepEqual(b.image.layers.map((l) => l.diffId), a.image.layers.map((l) => l.diffId));
  });
  it('an oci-archive with gzip layers inside a gzip outer archive', async () => {
    const img = buildImage({ layers: [{ tar: setuidLayer('bin/su'), compression: 'gzip' }] });
    const file = path.join(tmpDir(), 'oci.tar.gz');
    writeFileSync(file, zlib.gzipSync(makeTar(ociEntries(img))));
    const r = await scanImage(file, { scanner: 'builtin', env });
    assert.deepEqual(r.findings.filter((f) => f.id === 'IMG-SETUID').map((f) => f.path), ['bin/su']);
  });
});

describe('history checks', () => {
  const ids = (lines: string[]): string[] => historyChecks(lines.map((createdBy) => ({ createdBy })), new Set()).map((f) => f.id);
  it('credentials in ARG/RUN assignments, sudo, dist-upgrade, apt without cleanup, apk without --no-cache', () => {
    assert.deepEqual(ids(['|1 NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789 /bin/sh -c npm ci # buildkit']), ['IMG-HISTORY-SECRET']);
    assert.deepEqual(ids(['/bin/sh -c sudo make install']), ['IMG-SUDO']);
    assert.deepEqual(ids(['/bin/sh -c apt-get update && apt-get dist-upgrade -y']).sort(), ['IMG-APT-LISTS', 'IMG-DIST-UPGRADE']);
    assert.deepEqual(ids(['/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']), []);
    assert.deepEqual(ids(['RUN /bin/sh -c apk add --no-cache curl # buildkit', 'RUN /bin/sh -c apk add curl # buildkit']), ['IMG-APK-CACHE']);
  });
  it('masks values and ignores placeholders, variable references and GPG keys', () => {
    const f = historyChecks([{ createdBy: '/bin/sh -c #(nop)  ENV DB_PASSWORD=supersecretvalue' }], new Set());
    assert.equal(f[0]?.id, 'IMG-HISTORY-SECRET');
    assert.doesNotMatch(f[0]?.message ?? '', /supersecretvalue/);
    assert.deepEqual(ids(['/bin/sh -c #(nop)  ENV API_KEY=$API_KEY', '/bin/sh -c #(nop)  ENV GPG_KEY=0123ABCD', 'ENV PASSWORD_FILE=/run/secrets/pw', 'ENV TOKEN=']), []);
  });
  it('the value already reported from the config Env is not repeated', () => {
    assert.deepEqual(historyChecks([{ createdBy: 'ENV API_TOKEN=abc123' }], new Set(['API_TOKEN=abc123'])), []);
  });
});
