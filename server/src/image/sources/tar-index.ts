/**
 * An index of an outer archive (a `docker save` or oci-archive tar): reads only the 512-byte
 * headers (and the small pax / GNU long-name records), skipping file data, so a multi-GB archive
 * is indexed in milliseconds and nothing is extracted to disk. Layers are later read as byte
 * ranges of the archive file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ScanError } from '../model';

export interface TarIndexEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'link' | 'other';
  size: number;
  /** Offset of the entry's data in the archive file. */
  offset: number;
  linkname: string;
}

const BLOCK = 512;
const MAX_META_RECORD = 1 << 20;
const MAX_OUTER_ENTRIES = 500_000;

function cstring(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

/** Numeric header field: octal text, or base-256 when the high bit of the first byte is set. */
function numeric(buf: Buffer, start: number, len: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    let v = first & 0x7f;
    for (let i = 1; i < len; i++) v = v * 256 + (buf[start + i] ?? 0);
    return v;
  }
  const text = cstring(buf, start, len).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return parseInt(text, 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = numeric(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
  return stored === sum;
}

function parsePax(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < buf.length) {
    const sp = buf.indexOf(32, i);
    if (sp === -1) break;
    const len = parseInt(buf.toString('ascii', i, sp), 10);
    if (!(len > 0) || i + len > buf.length) break;
    const rec = buf.toString('utf8', sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/** Removes `./` and leading `/`, collapses `.`; returns undefined for names that climb out (`..`). */
export function normaliseArchivePath(name: string): string | undefined {
  const parts: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return parts.join('/');
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? buf : buf.subarray(0, got);
}

export async function indexTar(file: string): Promise<Map<string, TarIndexEntry>> {
  const fh = await open(file, 'r');
  try {
    const fileSize = (await fh.stat()).size;
    const out = new Map<string, TarIndexEntry>();
    let pos = 0;
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Map<string, string> | undefined;
    let count = 0;
    const magic = await readAt(fh, 0, 4);
    if (magic.length >= 4 && magic.readUInt32BE(0) === 0x28b52ffd) {
      throw new ScanError(`${file} is a zstd-compressed tar. Decompress it first (zstd -d), then scan the .tar.`, 'format');
    }
    for (;;) {
      if (pos + BLOCK > fileSize) {
        if (count === 0) throw new ScanError(`${file} is not a tar archive (too short).`, 'format');
        break; // archives written without the two zero blocks still end here
      }
      const h = await readAt(fh, pos, BLOCK);
      if (h.every((b) => b === 0)) break;
      if (!checksumOk(h)) {
        throw new ScanError(
          count === 0 ? `${file} is not a tar archive (bad header checksum).` : `${file} is corrupt: bad tar header checksum at byte ${pos}.`,
          count === 0 ? 'format' : 'corrupt',
        );
      }
      if (++count > MAX_OUTER_ENTRIES) throw new ScanError(`${file} has more than ${MAX_OUTER_ENTRIES} entries; refusing to index it.`, 'limit');
      let size = numeric(h, 124, 12);
      const typeflag = String.fromCharCode(h[156] ?? 48);
      if (pax?.has('size')) size = Number(pax.get('size'));
      if (!Number.isSafeInteger(size) || size < 0) throw new ScanError(`${file} is corrupt: invalid entry size at byte ${pos}.`, 'corrupt');
      const dataStart = pos + BLOCK;
      if (dataStart + size > fileSize) {
        throw new ScanError(`${file} is truncated: an entry claims ${size} bytes but the file ends first.`, 'corrupt');
      }
      const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
      if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
        if (size > MAX_META_RECORD) throw new ScanError(`${file} has a ${size}-byte tar metadata record; refusing to read it.`, 'limit');
        const data = await readAt(fh, dataStart, size);
        if (typeflag === 'L') longName = cstring(data, 0, data.length);
        else if (typeflag === 'K') longLink = cstring(data, 0, data.length);
        else if (typeflag === 'x') pax = parsePax(data);
        pos = next;
        continue;
      }
      const ustar = h.toString('ascii', 257, 262) === 'ustar';
      const prefix = ustar ? cstring(h, 345, 155) : '';
      let name = longName ?? pax?.get('path') ?? (prefix ? `${prefix}/${cstring(h, 0, 100)}` : cstring(h, 0, 100));
      const linkname = longLink ?? pax?.get('linkpath') ?? cstring(h, 157, 100);
      longName = longLink = pax = undefined;
      const type: TarIndexEntry['type'] =
        typeflag === '0' || typeflag === '\0' || typeflag === '7'
          ? 'file'
          : typeflag === '5'
            ? 'directory'
            : typeflag === '2'
              ? 'symlink'
              : typeflag === '1'
                ? 'link'
                : 'other';
      const norm = normaliseArchivePath(name);
      if (norm !== undefined && norm !== '') {
        name = norm;
        out.set(name, { name, type, size, offset: dataStart, linkname });
      }
      pos = next;
    }
    return out;
  } finally {
    await fh.close();
  }
}
