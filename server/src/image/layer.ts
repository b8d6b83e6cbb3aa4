/**
 * Streams one layer blob: sniffs the compression from magic bytes (gzip, zstd, plain tar), decompresses
 * on the fly, computes the DiffID, enforces size / ratio / entry-count limits, and hands each tar
 * entry to the caller. Nothing is written to disk; memory stays bounded by the body cap.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { Decompress } from 'fzstd';
import * as tar from 'tar-stream';
import { ScanError } from './model';

export interface LayerLimits {
  /** Uncompressed bytes allowed per layer. */
  maxLayerBytes: number;
  /** Decompressed/compressed ratio above which (past `ratioFloor` bytes) the layer is treated as a bomb. */
  maxRatio: number;
  ratioFloor: number;
  /** Tar entries allowed per layer. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: LayerLimits = {
  maxLayerBytes: 64 * 2 ** 30,
  maxRatio: 1000,
  ratioFloor: 256 * 2 ** 20,
  maxEntries: 5_000_000,
};

export interface EntryHeader {
  /** Normalised path (no leading `/` or `./`), or the raw name when it tried to climb out. */
  path: string;
  type: string;
  mode: number;
  size: number;
  uid: number;
  gid: number;
  linkname: string;
  /** The raw name contained `..` segments that climb above the root, or was absolute. */
  unsafeName: boolean;
}

export interface LayerWalker {
  /** Returns how many body bytes to hand to onBody (0: skip the body). */
  onEntry(h: EntryHeader): number;
  onBody(h: EntryHeader, body: Buffer): void;
}

export interface LayerStats {
  compression: 'gzip' | 'zstd' | 'none';
  compressedBytes: number;
  uncompressedBytes: number;
  entries: number;
  diffId: string;
}

function normaliseEntryName(name: string): { path: string; unsafe: boolean } {
  const parts: string[] = [];
  let unsafe = false;
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) unsafe = true;
      else parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return { path: parts.join('/'), unsafe };
}

class ZstdTransform extends Transform {
  private readonly d: Decompress;
  constructor() {
    super();
    this.d = new Decompress((chunk) => {
      this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      cb();
    } catch (e) {
      cb(new Error(`zstd: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.d.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(new Error(`zstd: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
}

async function sniff(input: Readable): Promise<{ head: Buffer; rest: AsyncIterator<unknown> }> {
  const it = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let len = 0;
  while (len < 4) {
    const r = await it.next();
    if (r.done) break;
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
    parts.push(b);
    len += b.length;
  }
  return { head: Buffer.concat(parts), rest: it };
}

export async function walkLayer(input: Readable, label: string, limits: LayerLimits, walker: LayerWalker, signal?: AbortSignal): Promise<LayerStats> {
  const { head, rest } = await sniff(input);
  const compression: LayerStats['compression'] =
    head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528 ? 'zstd' : 'none';
  let compressedBytes = 0;
  const source = Readable.from(
    (async function* () {
      compressedBytes += head.length;
      if (head.length) yield head;
      for (;;) {
        const r = await rest.next();
        if (r.done) return;
        const b = r.value as Buffer;
        compressedBytes += b.length;
        yield b;
      }
    })(),
    { objectMode: false },
  );
  const decomp: Transform | undefined =
    compression === 'gzip' ? zlib.createGunzip({ chunkSize: 1 << 16 }) : compression === 'zstd' ? new ZstdTransform() : undefined;
  const hash = createHash('sha256');
  let uncompressed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      uncompressed += chunk.length;
      if (uncompressed > limits.maxLayerBytes) {
        cb(new ScanError(`${label} expands to more than ${limits.maxLayerBytes} bytes; stopped reading it (decompression bomb or oversized layer).`, 'limit'));
        return;
      }
      if (compression !== 'none' && uncompressed > limits.ratioFloor && uncompressed > compressedBytes * limits.maxRatio) {
        cb(new ScanError(`${label} expands more than ${limits.maxRatio}× (${compressedBytes} → ${uncompressed}+ bytes); stopped reading it as a decompression bomb.`, 'limit'));
        return;
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const extract = tar.extract();
  let entries = 0;
  return new Promise<LayerStats>((resolve, reject) => {
    let settled = false;
    const streams: { destroy(e?: Error): unknown }[] = [source, counter, extract];
    if (decomp) streams.push(decomp);
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const s of streams) s.destroy();
      input.destroy();
      reject(translate(e, label, compression));
    };
    const onAbort = (): void => fail(new ScanError('Scan cancelled.', 'cancelled'));
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    extract.on('entry', (header, stream, next) => {
      if (++entries > limits.maxEntries) {
        fail(new ScanError(`${label} has more than ${limits.maxEntries} entries; stopped reading it (tar bomb?).`, 'limit'));
        return;
      }
      const { path, unsafe } = normaliseEntryName(header.name);
      const h: EntryHeader = {
        path,
        type: header.type ?? 'file',
        mode: header.mode ?? 0,
        size: header.size ?? 0,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        linkname: header.linkname ?? '',
        unsafeName: unsafe || header.name.startsWith('/'),
      };
      let want = 0;
      try {
        want = walker.onEntry(h);
      } catch (e) {
        fail(e);
        return;
      }
      const collect = want > 0 && h.size <= want;
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => {
        if (collect && Buffer.isBuffer(c)) chunks.push(c);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        if (collect) {
          try {
            walker.onBody(h, Buffer.concat(chunks));
          } catch (e) {
            fail(e);
            return;
          }
        }
        next();
      });
      stream.resume();
    });
    extract.on('error', fail);
    extract.on('finish', () => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      resolve({ compression, compressedBytes, uncompressedBytes: uncompressed, entries, diffId: `sha256:${hash.digest('hex')}` });
    });
    source.on('error', fail);
    counter.on('error', fail);
    input.on('error', fail);
    if (decomp) {
      decomp.on('error', fail);
      source.pipe(decomp).pipe(counter);
    } else {
      source.pipe(counter);
    }
    counter.pipe(extract as unknown as NodeJS.WritableStream);
  });
}

function translate(e: unknown, label: string, compression: string): Error {
  if (e instanceof ScanError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new ScanError(`${label} is corrupt or truncated (${compression}: ${msg}).`, 'corrupt');
  }
  if (/unexpected end/i.test(msg)) return new ScanError(`${label} is truncated (${msg}).`, 'corrupt');
  if (/zstd/i.test(msg)) return new ScanError(`${label} is not a valid zstd stream (${msg}).`, 'corrupt');
  return new ScanError(`${label} could not be read as a tar layer: ${msg}.`, 'corrupt');
}
