/**
 * A gzip-compressed outer archive (`docker save | gzip`, as Trivy accepts): there is no random access,
 * so one pass indexes the tar and keeps its small metadata files in memory, and each layer is then
 * read by a further streaming pass that stops after the layer's entry. Nothing is written to disk.
 */
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import * as tar from 'tar-stream';
import { ScanError } from '../model';
import type { BlobStore } from './store';
import { normaliseArchivePath } from './tar-index';

interface Entry {
  type: string;
  size: number;
  linkname: string;
}

const KEEP_MAX = 1 << 20;
const KEEP_TOTAL = 64 << 20;
const MAX_OUTER_BYTES = 256 * 2 ** 30;
const MAX_LINK_HOPS = 16;

/** Streams the archive's tar entries; `onEntry` returns 'stop' to end the pass early. */
function pass(file: string, onEntry: (name: string, header: tar.Header, stream: Readable) => Promise<'next' | 'stop'>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const input = createReadStream(file, { highWaterMark: 1 << 20 });
    const gunzip = zlib.createGunzip();
    let total = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _e, cb) {
        total += chunk.length;
        if (total > MAX_OUTER_BYTES) cb(new ScanError(`${file} expands to more than ${MAX_OUTER_BYTES} bytes; stopped.`, 'limit'));
        else cb(null, chunk);
      },
    });
    const extract = tar.extract();
    let done = false;
    const finish = (e?: unknown): void => {
      if (done) return;
      done = true;
      input.destroy();
      gunzip.destroy();
      limit.destroy();
      extract.destroy();
      if (e === undefined) resolve();
      else if (e instanceof ScanError) reject(e);
      else {
        const msg = e instanceof Error ? e.message : String(e);
        reject(new ScanError(`${file} is corrupt or truncated (gzip/tar: ${msg}).`, 'corrupt'));
      }
    };
    extract.on('entry', (header, stream, next) => {
      const name = normaliseArchivePath(header.name) ?? '';
      onEntry(name, header, stream as unknown as Readable).then((r) => {
        if (r === 'stop') finish();
        else next();
      }, finish);
    });
    extract.on('finish', () => finish());
    input.on('error', finish);
    gunzip.on('error', finish);
    limit.on('error', finish);
    extract.on('error', finish);
    input.pipe(gunzip).pipe(limit).pipe(extract as unknown as NodeJS.WritableStream);
  });
}

function drain(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
    stream.resume();
  });
}

function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => parts.push(c));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

export class GzTarStore implements BlobStore {
  private constructor(
    private readonly file: string,
    private readonly index: Map<string, Entry>,
    private readonly kept: Map<string, Buffer>,
  ) {}

  get describe(): string {
    return this.file;
  }

  static async open(file: string): Promise<GzTarStore> {
    const index = new Map<string, Entry>();
    const kept = new Map<string, Buffer>();
    let keptBytes = 0;
    await pass(file, async (name, h, stream) => {
      const size = h.size ?? 0;
      if (name) index.set(name, { type: h.type ?? 'file', size, linkname: h.linkname ?? '' });
      if (name && h.type === 'file' && size <= KEEP_MAX && keptBytes + size <= KEEP_TOTAL) {
        kept.set(name, await collect(stream));
        keptBytes += size;
      } else {
        await drain(stream);
      }
      return 'next';
    });
    if (index.size === 0) throw new ScanError(`${file} is a gzip file but holds no tar entries.`, 'format');
    return new GzTarStore(file, index, kept);
  }

  private resolve(p: string): string | undefined {
    let cur = normaliseArchivePath(p);
    for (let hops = 0; cur !== undefined; hops++) {
      if (hops > MAX_LINK_HOPS) throw new ScanError(`${this.file}: "${p}" is a symlink loop (more than ${MAX_LINK_HOPS} links).`, 'corrupt');
      const e = this.index.get(cur);
      if (!e) return undefined;
      if (e.type === 'file') return cur;
      if (e.type === 'symlink') {
        const base = e.linkname.startsWith('/') ? '' : path.posix.dirname(cur);
        cur = normaliseArchivePath(`${base}/${e.linkname}`);
        if (cur === undefined) throw new ScanError(`${this.file}: "${p}" links outside the archive (${e.linkname}).`, 'corrupt');
      } else if (e.type === 'link') cur = normaliseArchivePath(e.linkname);
      else return undefined;
    }
    return undefined;
  }

  async size(p: string): Promise<number | undefined> {
    const r = this.resolve(p);
    return r === undefined ? undefined : this.index.get(r)?.size;
  }

  async read(p: string, maxBytes: number): Promise<Buffer> {
    const r = this.resolve(p);
    const e = r === undefined ? undefined : this.index.get(r);
    if (r === undefined || !e) throw new ScanError(`${this.file}: "${p}" is missing from the archive.`, 'corrupt');
    if (e.size > maxBytes) throw new ScanError(`${this.file}: "${p}" is ${e.size} bytes, more than the ${maxBytes}-byte limit for metadata.`, 'limit');
    const kept = this.kept.get(r);
    if (kept) return kept;
    return collect(await this.stream(p));
  }

  async stream(p: string): Promise<Readable> {
    const target = this.resolve(p);
    if (target === undefined) throw new ScanError(`${this.file}: "${p}" is missing from the archive.`, 'corrupt');
    const out = new PassThrough({ highWaterMark: 1 << 20 });
    let found = false;
    pass(this.file, async (name, _h, stream) => {
      if (name !== target) {
        await drain(stream);
        return 'next';
      }
      found = true;
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        out.on('close', resolve);
        stream.on('end', () => {
          out.end();
          resolve();
        });
        stream.pipe(out, { end: false });
      });
      return 'stop';
    }).then(
      () => {
        if (!found) out.destroy(new ScanError(`${this.file}: "${p}" was not found on the second read.`, 'corrupt'));
      },
      (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    return out;
  }
}
