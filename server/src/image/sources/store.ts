/** Read-only access to the files of an image archive (indexed tar) or an OCI layout directory. */
import { createReadStream } from 'node:fs';
import { realpath, stat, open } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ScanError } from '../model';
import { indexTar, normaliseArchivePath, type TarIndexEntry } from './tar-index';

export interface BlobStore {
  readonly describe: string;
  /** Size of a file (after following symlinks inside the archive), or undefined when it is missing. */
  size(p: string): Promise<number | undefined>;
  read(p: string, maxBytes: number): Promise<Buffer>;
  stream(p: string): Promise<Readable>;
}

const MAX_LINK_HOPS = 16;

export class TarStore implements BlobStore {
  private constructor(
    private readonly file: string,
    private readonly index: Map<string, TarIndexEntry>,
  ) {}

  get describe(): string {
    return this.file;
  }

  static async open(file: string): Promise<TarStore> {
    return new TarStore(file, await indexTar(file));
  }

  has(p: string): boolean {
    return this.index.has(p);
  }

  private resolve(p: string): TarIndexEntry | undefined {
    let cur = normaliseArchivePath(p);
    for (let hops = 0; cur !== undefined; hops++) {
      if (hops > MAX_LINK_HOPS) throw new ScanError(`${this.file}: "${p}" is a symlink loop (more than ${MAX_LINK_HOPS} links).`, 'corrupt');
      const e = this.index.get(cur);
      if (!e) return undefined;
      if (e.type === 'file') return e;
      if (e.type === 'symlink') {
        const base = e.linkname.startsWith('/') ? '' : path.posix.dirname(cur);
        cur = normaliseArchivePath(`${base}/${e.linkname}`);
        if (cur === undefined) throw new ScanError(`${this.file}: "${p}" links outside the archive (${e.linkname}).`, 'corrupt');
      } else if (e.type === 'link') {
        cur = normaliseArchivePath(e.linkname);
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  async size(p: string): Promise<number | undefined> {
    return this.resolve(p)?.size;
  }

  async read(p: string, maxBytes: number): Promise<Buffer> {
    const e = this.need(p);
    if (e.size > maxBytes) throw new ScanError(`${this.file}: "${p}" is ${e.size} bytes, more than the ${maxBytes}-byte limit for metadata.`, 'limit');
    const fh = await open(this.file, 'r');
    try {
      const buf = Buffer.alloc(e.size);
      await fh.read(buf, 0, e.size, e.offset);
      return buf;
    } finally {
      await fh.close();
    }
  }

  async stream(p: string): Promise<Readable> {
    const e = this.need(p);
    if (e.size === 0) return Readable.from([]);
    return createReadStream(this.file, { start: e.offset, end: e.offset + e.size - 1, highWaterMark: 1 << 20 });
  }

  private need(p: string): TarIndexEntry {
    const e = this.resolve(p);
    if (!e) throw new ScanError(`${this.file}: "${p}" is missing from the archive.`, 'corrupt');
    return e;
  }
}

export class DirStore implements BlobStore {
  constructor(private readonly root: string) {}

  get describe(): string {
    return this.root;
  }

  private async full(p: string): Promise<string | undefined> {
    const norm = normaliseArchivePath(p);
    if (norm === undefined) throw new ScanError(`${this.root}: "${p}" points outside the layout directory.`, 'corrupt');
    const full = path.join(this.root, norm);
    let real: string;
    try {
      real = await realpath(full);
    } catch {
      return undefined;
    }
    const rootReal = await realpath(this.root);
    if (real !== rootReal && !real.startsWith(rootReal + path.sep)) {
      throw new ScanError(`${this.root}: "${p}" is a symlink that leaves the layout directory; refusing to read it.`, 'corrupt');
    }
    return real;
  }

  async size(p: string): Promise<number | undefined> {
    const f = await this.full(p);
    if (!f) return undefined;
    const s = await stat(f);
    return s.isFile() ? s.size : undefined;
  }

  async read(p: string, maxBytes: number): Promise<Buffer> {
    const f = await this.need(p);
    const s = await stat(f);
    if (s.size > maxBytes) throw new ScanError(`${this.root}: "${p}" is ${s.size} bytes, more than the ${maxBytes}-byte limit for metadata.`, 'limit');
    const fh = await open(f, 'r');
    try {
      const buf = Buffer.alloc(s.size);
      await fh.read(buf, 0, s.size, 0);
      return buf;
    } finally {
      await fh.close();
    }
  }

  async stream(p: string): Promise<Readable> {
    return createReadStream(await this.need(p), { highWaterMark: 1 << 20 });
  }

  private async need(p: string): Promise<string> {
    const f = await this.full(p);
    if (!f) throw new ScanError(`${this.root}: "${p}" is missing from the layout.`, 'corrupt');
    return f;
  }
}
