/**
 * Finds the files `bulkhead lint` should read: explicit files as given, directories walked
 * recursively (node_modules, .git and `--ignore` globs skipped), keeping only names whose kind
 * Bulkhead can detect (Dockerfiles, YAML and JSON that may be Kubernetes or Compose).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kindFromName } from '../../../rules/src/api';

/** Directory names that are never descended into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A file to lint, with how to show its path and which language to lint it as. */
export interface Candidate {
  /** Absolute path on disk. */
  absolute: string;
  /** Path as shown in reports: relative to the working directory (possibly `../…`), `/` separators. */
  display: string;
  /** Language id forced for names that only *contain* "Dockerfile"/"Containerfile" (e.g. `app_Dockerfile`). */
  languageId: 'dockerfile' | undefined;
  /** True when the user named this file; such files are always read, even with an unknown kind. */
  explicit: boolean;
}

/** An input path that could not be read (missing, permission denied). */
export interface InputError {
  path: string;
  message: string;
}

/** Converts a user-supplied glob (`*`, `**`, `?`) into an anchored regular expression over `/` paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i] ?? '';
    if (c === '*') {
      if (g[i + 1] === '*') {
        i++;
        if (g[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** True when a relative path (or one of its trailing segments) matches one of the ignore globs. */
export function isIgnored(relative: string, ignores: readonly RegExp[]): boolean {
  if (ignores.length === 0) return false;
  const segments = relative.split('/');
  for (let i = 0; i < segments.length; i++) {
    const tail = segments.slice(i).join('/');
    if (ignores.some((re) => re.test(tail))) return true;
  }
  return false;
}

/** How a file name is linted: by its detectable kind, as a Dockerfile by name heuristics, or not at all. */
export function classifyName(file: string): { lint: boolean; languageId: 'dockerfile' | undefined } {
  if (kindFromName(file) !== 'unknown') return { lint: true, languageId: undefined };
  const base = path.basename(file).toLowerCase();
  if (base.includes('dockerfile') || base.includes('containerfile')) return { lint: true, languageId: 'dockerfile' };
  return { lint: false, languageId: undefined };
}

function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  if (rel === '' || path.isAbsolute(rel)) return absolute.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

function errorMessage(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

async function walk(dir: string, root: string, cwd: string, ignores: readonly RegExp[], out: Candidate[], errors: InputError[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    errors.push({ path: displayPath(dir, cwd), message: `cannot read directory: ${errorMessage(e)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (isIgnored(rel, ignores)) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, root, cwd, ignores, out, errors);
      continue;
    }
    // Symbolic links to files are followed; links to directories are not (no cycles).
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) isFile = await fs.stat(full).then((s) => s.isFile(), () => false);
    if (!isFile) continue;
    const cls = classifyName(entry.name);
    if (cls.lint) out.push({ absolute: full, display: displayPath(full, cwd), languageId: cls.languageId, explicit: false });
  }
}

/** Expands the command-line paths into candidate files, in a stable order. */
export async function collectFiles(inputs: readonly string[], cwd: string, ignoreGlobs: readonly string[]): Promise<{ files: Candidate[]; errors: InputError[] }> {
  const ignores = ignoreGlobs.map(globToRegExp);
  const files: Candidate[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (e) {
      errors.push({ path: input, message: errorMessage(e) });
      continue;
    }
    if (stat.isDirectory()) await walk(absolute, absolute, cwd, ignores, files, errors);
    else if (!stat.isFile()) errors.push({ path: input, message: 'not a regular file or directory' });
    else files.push({ absolute, display: displayPath(absolute, cwd), languageId: classifyName(absolute).languageId, explicit: true });
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => (seen.has(f.absolute) ? false : (seen.add(f.absolute), true))), errors };
}
