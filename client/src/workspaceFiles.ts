/** Which workspace files "Lint Workspace" sends to the server (no `vscode` import, so tests can load it). */

/** Names Bulkhead lints: Dockerfiles and Containerfiles (also `app_Dockerfile`, `Dockerfile.prod`), YAML manifests and Compose files, config files. */
export const INCLUDE_GLOB = '**/{*Dockerfile*,*dockerfile*,*Containerfile*,*containerfile*,*.yaml,*.yml}';

/** True when a file's base name is one INCLUDE_GLOB takes (for files created after a Lint Workspace). */
export function isIncludedName(name: string): boolean {
  return includedNames().some((re) => re.test(name));
}

let names: RegExp[] | undefined;
function includedNames(): RegExp[] {
  // INCLUDE_GLOB is `**/` and alternatives of names with `*` only: each becomes an expression over one name.
  names ??= expandBraces(INCLUDE_GLOB).map((g) => new RegExp(`^${g.replace(/^\*\*\//, '').split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`));
  return names;
}

/** Folders never linted, whatever the settings say. */
export const ALWAYS_EXCLUDED = ['**/node_modules', '**/node_modules/**', '**/.git', '**/.git/**'];

/** Files sent to the server in one `bulkhead/lintFiles` request (progress and cancel act between chunks). */
export const CHUNK_SIZE = 25;

/**
 * Expands `{a,b}` alternatives (nested ones too) into plain globs, so several patterns can be
 * joined into one `{…,…}` exclude: VS Code globs do not nest braces.
 */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const cuts: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === ',' && depth === 1) cuts.push(i);
  }
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  const parts: string[] = [];
  let from = open + 1;
  for (const cut of [...cuts, close]) {
    parts.push(glob.slice(from, cut));
    from = cut + 1;
  }
  return parts.flatMap((p) => expandBraces(`${head}${p}${tail}`));
}

/**
 * The exclude glob for `workspace.findFiles`: the keys of `files.exclude` and `search.exclude`
 * set to `true` (conditional `{ when }` entries are left out), node_modules and .git. Passing an
 * exclude replaces VS Code's defaults, so `files.exclude` has to be part of it.
 */
export function excludeGlob(...settings: (Record<string, unknown> | undefined)[]): string {
  const globs = new Set<string>(ALWAYS_EXCLUDED);
  for (const s of settings) {
    for (const [pattern, on] of Object.entries(s ?? {})) {
      if (on !== true) continue;
      for (const g of expandBraces(pattern)) {
        globs.add(g);
        // A folder pattern (`**/dist`) also excludes what is inside it.
        if (!g.endsWith('/**')) globs.add(`${g}/**`);
      }
    }
  }
  return `{${[...globs].join(',')}}`;
}

/** Splits a list into chunks of `size`. */
export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
