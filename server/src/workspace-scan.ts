/**
 * What the CLI's workspace pre-pass (cli/workspace-pass.ts) and the language server's startup
 * scan (features/workspaceIndex.ts) share: which files can carry Kubernetes facts that change how
 * *another* file is linted (kustomizations, files containing the word `NetworkPolicy`), how such
 * a file's bytes become its facts, and, for the server, a bounded walk of a workspace folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kindFromName } from '../../rules/src/api';
import { parseYaml } from '../../rules/src/model/yaml/documents';
import { objectsOf } from '../../rules/src/model/kubernetes/workloads';
import { factsOf, isKustomizationName, type FileFacts } from '../../rules/src/model/kubernetes/workspace-facts';
import { SKIPPED_DIRS, globToRegExp } from './cli/files';

const NEEDLE = Buffer.from('NetworkPolicy');

/** True for the names whose files may carry cross-file facts: YAML/JSON by name and kustomizations. */
export function mayHoldFactsByName(file: string): boolean {
  return kindFromName(file) === 'yaml' || isKustomizationName(file);
}

/** The byte-level prefilter: a kustomization, or a file that contains the word `NetworkPolicy`. */
export function mayCarryFacts(file: string, bytes: Buffer): boolean {
  return isKustomizationName(file) || bytes.includes(NEEDLE);
}

/**
 * Parses a file's bytes into its facts under `key` (the index path); undefined for a file with
 * a NUL byte (binary, or UTF-16), which the lint reports on its own. Never throws.
 */
export function factsOfBytes(key: string, bytes: Buffer): FileFacts | undefined {
  if (bytes.includes(0)) return undefined;
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    const file = parseYaml(text);
    return factsOf(key, file, objectsOf(file, key));
  } catch {
    return undefined;
  }
}

/**
 * Expands `{a,b}` alternatives of a glob (not nested: VS Code's globs do not nest braces) into
 * plain globs.
 */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const close = open < 0 ? -1 : glob.indexOf('}', open);
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  return glob.slice(open + 1, close).split(',').flatMap((alt) => expandBraces(`${head}${alt}${tail}`));
}

/**
 * Matchers for the keys of exclude settings (`files.exclude`, `search.exclude`) set to `true`,
 * over paths relative to the workspace folder; conditional `{ when }` entries are left out.
 */
export function excludeMatchers(...settings: unknown[]): RegExp[] {
  const out: RegExp[] = [];
  for (const s of settings) {
    if (typeof s !== 'object' || s === null) continue;
    for (const [pattern, on] of Object.entries(s)) {
      if (on !== true) continue;
      for (const g of expandBraces(pattern.replace(/\/+$/, ''))) out.push(globToRegExp(g));
    }
  }
  return out;
}

/** Bounds of one folder walk. */
export interface WalkLimits {
  /** Files handed out at most. */
  maxFiles: number;
  /** Directory entries looked at, at most (a home folder opened as a workspace stays bounded). */
  maxEntries: number;
}

/** What a walk saw, filled while it runs. */
export interface WalkCount {
  entries: number;
  files: number;
  truncated: boolean;
}

/**
 * The files under `root` that may hold cross-file facts (by name), in a stable order: directory
 * by directory, names sorted. node_modules and .git are never entered, nor directories matching
 * `exclude` (paths relative to `root`, `/` separators); symbolic links to directories are not
 * followed. Stops at the limits (`count.truncated`) or when `stopped()` says so.
 */
export async function* factFilesUnder(root: string, exclude: readonly RegExp[], limits: WalkLimits, count: WalkCount, stopped: () => boolean): AsyncGenerator<string> {
  const pending: string[] = [root];
  while (pending.length > 0) {
    const dir = pending.shift() as string;
    if (stopped()) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++count.entries > limits.maxEntries || count.files >= limits.maxFiles) {
        count.truncated = true;
        return;
      }
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (exclude.some((re) => re.test(rel))) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && mayHoldFactsByName(entry.name)) {
        count.files++;
        yield full;
        if (stopped()) return;
      }
    }
  }
}
