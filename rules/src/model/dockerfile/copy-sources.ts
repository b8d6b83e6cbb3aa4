/**
 * Sources and destination of COPY/ADD, in both shell and JSON form, with quotes removed.
 */
import type { DockerfileModel, Instruction, Word } from './parse';

export interface CopyArgs {
  sources: Word[];
  dest: Word | undefined;
}

function unquote(w: Word): Word {
  const v = w.value;
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) return { value: v.slice(1, -1), range: w.range };
  return w;
}

/** The source words and the destination of a COPY or ADD (heredoc sources are left out). */
export function copyArgs(model: DockerfileModel, instr: Instruction): CopyArgs {
  const json = instr.json?.map((w) => {
    const raw = model.lines.slice(w.range);
    try { const v: unknown = JSON.parse(raw); return typeof v === 'string' ? { value: v, range: w.range } : w; } catch { return w; }
  });
  const words = (json ?? instr.args.map(unquote)).filter((w) => !w.value.startsWith('<<'));
  if (instr.heredocs.length > 0) {
    // With heredocs, dockerfile-ast lists the body lines as arguments: keep only the first line.
    const line = instr.range.start.line;
    const first = words.filter((w) => w.range.start.line === line);
    return { sources: first.slice(0, -1), dest: first[first.length - 1] };
  }
  return { sources: words.slice(0, -1), dest: words[words.length - 1] };
}

/** True for `http(s)://`, `ftp://` and git URLs. */
export function isUrl(src: string): boolean {
  return /^(https?|ftp):\/\//i.test(src) || /^git@[^:]+:/.test(src) || /^git:\/\//i.test(src);
}

const ARCHIVE = /\.(tar|tar\.gz|tgz|gz|tar\.bz2|tbz2?|bz2|tar\.xz|txz|xz|tar\.zst|zst|tzst|lz|lzma|tlz|tar\.lz|z|Z)$/i;

/** True for names ADD would auto-extract (tar archives and their compressed forms). */
export function isArchive(src: string): boolean {
  return ARCHIVE.test(src);
}
