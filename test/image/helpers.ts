/** Builds small images at test time: layer tars, gzip / zstd (raw-block frames) compression, OCI layouts, docker save archives. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const sharedDir = path.join(repoRoot, '..', 'shared');
export const imagesDir = path.join(sharedDir, 'fixtures', 'images');
export const scannersDir = path.join(sharedDir, 'fixtures', 'scanners');

export function tmpDir(prefix = 'bulkhead-img-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  mode?: number;
  content?: string | Buffer;
  linkname?: string;
  /** Size written in the header (defaults to the content length): lets tests lie. */
  size?: number;
}

function octal(n: number, len: number): string {
  return n.toString(8).padStart(len - 1, '0') + '\0';
}

/** One 512-byte ustar header with a correct checksum. */
export function tarHeader(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  const name = Buffer.from(e.name);
  if (name.length > 100) {
    const cut = e.name.lastIndexOf('/', e.name.length - 1 - 0);
    h.write(e.name.slice(cut + 1), 0, 100);
    h.write(e.name.slice(0, cut), 345, 155);
  } else {
    name.copy(h, 0);
  }
  const type = e.type ?? 'file';
  h.write(octal(e.mode ?? (type === 'directory' ? 0o755 : 0o644), 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  if (size > 0o77777777777) {
    h[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--) {
      h[i] = v % 256;
      v = Math.floor(v / 256);
    }
  } else {
    h.write(octal(size, 12), 124);
  }
  h.write(octal(0, 12), 136);
  h.write('        ', 148);
  h.write(type === 'directory' ? '5' : type === 'symlink' ? '2' : type === 'link' ? '1' : '0', 156);
  if (e.linkname) h.write(e.linkname, 157, 100);
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148);
  return h;
}

/** A tar archive (our own writer so tests can write hostile names and sizes). */
export function makeTar(entries: TarEntry[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = e.content === undefined ? Buffer.alloc(0) : Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content);
    parts.push(tarHeader(e, e.size ?? body.length));
    parts.push(body);
    const pad = (512 - (body.length % 512)) % 512;
    parts.push(Buffer.alloc(pad));
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function sha256(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

/** A valid zstd frame made of raw (stored) blocks. */
export function zstdRaw(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  const max = 128 * 1024;
  let off = 0;
  do {
    const n = Math.min(max, data.length - off);
    const last = off + n >= data.length ? 1 : 0;
    const hdr = (n << 3) | (0 << 1) | last;
    parts.push(Buffer.from([hdr & 0xff, (hdr >> 8) & 0xff, (hdr >> 16) & 0xff]), data.subarray(off, off + n));
    off += n;
  } while (off < data.length);
  return Buffer.concat(parts);
}

export interface ImageSpec {
  layers: { tar: Buffer; compression?: 'gzip' | 'zstd' | 'none'; createdBy?: string }[];
  config?: Record<string, unknown>;
  /** Extra history entries (empty layers), inserted before the layer with this index. */
  emptyHistory?: { before: number; createdBy: string }[];
  tag?: string;
}

export interface BuiltImage {
  config: Buffer;
  configDigest: string;
  diffIds: string[];
  blobs: { digest: string; data: Buffer; mediaType: string }[];
  manifest: Buffer;
  manifestDigest: string;
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const diffIds = spec.layers.map((l) => sha256(l.tar));
  const history: Record<string, unknown>[] = [];
  spec.layers.forEach((l, i) => {
    for (const e of spec.emptyHistory ?? []) if (e.before === i) history.push({ created_by: e.createdBy, empty_layer: true });
    history.push({ created_by: l.createdBy ?? `layer ${i}` });
  });
  for (const e of spec.emptyHistory ?? []) if (e.before >= spec.layers.length) history.push({ created_by: e.createdBy, empty_layer: true });
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, ...spec.config, rootfs: { type: 'layers', diff_ids: diffIds }, history }));
  const blobs = spec.layers.map((l) => {
    const data = l.compression === 'gzip' ? zlib.gzipSync(l.tar) : l.compression === 'zstd' ? zstdRaw(l.tar) : l.tar;
    const mediaType = `application/vnd.oci.image.layer.v1.tar${l.compression === 'gzip' ? '+gzip' : l.compression === 'zstd' ? '+zstd' : ''}`;
    return { digest: sha256(data), data, mediaType };
  });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: blobs.map((b) => ({ mediaType: b.mediaType, digest: b.digest, size: b.data.length })),
    }),
  );
  return { config, configDigest: sha256(config), diffIds, blobs, manifest, manifestDigest: sha256(manifest) };
}

const hex = (d: string): string => d.replace(/^sha256:/, '');

/** OCI layout entries (index.json, oci-layout, blobs). */
export function ociEntries(img: BuiltImage, tag = 'latest'): TarEntry[] {
  const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: img.manifestDigest, size: img.manifest.length, annotations: { 'org.opencontainers.image.ref.name': tag } }] };
  const seen = new Set<string>();
  const blobs: TarEntry[] = [];
  for (const b of [{ digest: img.configDigest, data: img.config }, { digest: img.manifestDigest, data: img.manifest }, ...img.blobs]) {
    if (seen.has(b.digest)) continue;
    seen.add(b.digest);
    blobs.push({ name: `blobs/sha256/${hex(b.digest)}`, content: b.data });
  }
  return [{ name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' }, { name: 'index.json', content: JSON.stringify(index) }, ...blobs];
}

export function writeOciDir(dir: string, img: BuiltImage, tag?: string): string {
  for (const e of ociEntries(img, tag)) {
    const p = path.join(dir, e.name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, e.content ?? '');
  }
  return dir;
}

/** A classic `docker save` archive (config <hex>.json, layers <diffid>.tar, uncompressed). */
export function dockerArchive(img: BuiltImage, spec: ImageSpec, repoTag = 'example/test:1'): Buffer {
  const layerNames = img.diffIds.map((d) => `${hex(d)}.tar`);
  const manifest = [{ Config: `${hex(img.configDigest)}.json`, RepoTags: [repoTag], Layers: layerNames }];
  return makeTar([
    { name: `${hex(img.configDigest)}.json`, content: img.config },
    ...spec.layers.map((l, i) => ({ name: layerNames[i] ?? '', content: l.tar })),
    { name: 'manifest.json', content: JSON.stringify(manifest) },
  ]);
}

/** Runs the built CLI (`node bin/bulkhead.js …`). */
export function cli(args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bulkhead.js'), ...args], {
    encoding: 'utf8',
    env: opts.env ?? process.env,
    timeout: opts.timeout ?? 60_000,
    cwd: opts.cwd ?? repoRoot,
    maxBuffer: 64 * 2 ** 20,
  });
}

/** Writes an executable node script named `name` into dir. */
export function fakeTool(dir: string, name: string, body: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, `#!${process.execPath}\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

export interface JsonFinding {
  id: string;
  kind: string;
  severity: string;
  path?: string;
  aliases?: string[];
  layerIndex?: number;
  deletedLater?: boolean;
  pkg?: { name: string; installed: string; fixed?: string };
  location?: { path: string; line: number; instruction: string };
  message: string;
}

export interface JsonResult {
  findings: JsonFinding[];
  packages: { name: string; version: string; type: string; purl: string }[];
  notes: string[];
  image: { tags: string[]; layers: { compression: string; entries: number }[] };
  scanner: { name: string };
}

/** Undefined when ../shared/fixtures is there; a reason to skip otherwise (and a failure under CI). */
export function sharedMissing(): string | undefined {
  if (existsSync(imagesDir) && existsSync(scannersDir)) return undefined;
  if (process.env.CI) throw new Error(`shared fixtures not found at ${imagesDir} (required under CI)`);
  return `shared fixtures not found at ${imagesDir}`;
}
