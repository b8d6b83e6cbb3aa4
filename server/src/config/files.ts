/**
 * Finds and caches configuration files for a linted file: the nearest `.bulkhead.yaml` /
 * `.bulkhead.yml` upward from the file (nearest wins) and, beneath it as a lower layer, the
 * nearest `.hadolint.yaml` / `.hadolint.yml` (for Dockerfiles). Used by both the CLI and the
 * language server so they never disagree.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parseConfig, parseHadolintConfig, resolveSettings, emptyConfig, type BulkheadConfig, type ConfigProblem } from '../../../rules/src/engine/config';
import type { RuleSettings } from '../../../rules/src/engine/severity';
import type { PolicyOptions } from '../../../rules/src/engine/rule';

export const BULKHEAD_CONFIG_NAMES = ['.bulkhead.yaml', '.bulkhead.yml'] as const;
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/** A config file that was read, with its problems. */
export interface LoadedConfig {
  path: string;
  dir: string;
  config: BulkheadConfig;
  problems: ConfigProblem[];
}

/** What applies to one file. */
export interface ResolvedConfig {
  settings: RuleSettings;
  policy: Partial<PolicyOptions>;
  /** True when the config's `ignorePaths` exclude the file. */
  ignored: boolean;
  /** The config files in force (nearest Bulkhead config, then hadolint's). */
  sources: LoadedConfig[];
  /** `failure-threshold` from a `.hadolint.yaml`, when one is in force. */
  failureThreshold: string | undefined;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Loads config files on demand and caches them by path until `invalidate` is called. */
export class ConfigResolver {
  private readonly cache = new Map<string, LoadedConfig | null>();

  private stopAt: readonly string[];

  /** @param stopAt folders above which the search stops (workspace roots); the filesystem root otherwise. */
  constructor(stopAt: readonly string[] = []) {
    this.stopAt = stopAt;
  }

  /** Replaces the folders the search stops at (workspace folders were added or removed); forgets cached lookups. */
  setRoots(stopAt: readonly string[]): void {
    this.stopAt = stopAt;
    this.cache.clear();
  }

  /** The config file read from `path`, if it was read and is cached. */
  loaded(path: string): LoadedConfig | undefined {
    return this.cache.get(path) ?? undefined;
  }

  /** The innermost root folder holding `absPath`, if any. */
  rootOf(absPath: string): string | undefined {
    let best: string | undefined;
    for (const r of this.stopAt) {
      const inside = absPath === r || absPath.startsWith(r.endsWith(sep) ? r : r + sep);
      if (inside && (best === undefined || r.length > best.length)) best = r;
    }
    return best;
  }

  /** Forgets cached files (all, or the one at `path`), e.g. when a config file changed on disk. */
  invalidate(path?: string): void {
    if (path === undefined) this.cache.clear();
    else for (const key of [...this.cache.keys()]) if (key === path || dirname(key) === dirname(path)) this.cache.delete(key);
  }

  private load(dir: string, names: readonly string[], kind: 'bulkhead' | 'hadolint'): LoadedConfig | undefined {
    for (const name of names) {
      const path = join(dir, name);
      const cached = this.cache.get(path);
      if (cached !== undefined) {
        if (cached) return cached;
        continue;
      }
      if (!isFile(path)) {
        this.cache.set(path, null);
        continue;
      }
      let loaded: LoadedConfig;
      try {
        const text = readFileSync(path, 'utf8');
        const parsed = kind === 'bulkhead' ? parseConfig(text) : parseHadolintConfig(text);
        loaded = { path, dir, ...parsed };
      } catch (e) {
        loaded = { path, dir, config: emptyConfig(), problems: [{ message: `Cannot read config file: ${e instanceof Error ? e.message : String(e)}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
      }
      this.cache.set(path, loaded);
      return loaded;
    }
    return undefined;
  }

  /** The nearest config of a kind, searching upward from `startDir`. */
  nearest(startDir: string, kind: 'bulkhead' | 'hadolint'): LoadedConfig | undefined {
    let dir = startDir;
    for (;;) {
      const found = this.load(dir, kind === 'bulkhead' ? BULKHEAD_CONFIG_NAMES : HADOLINT_CONFIG_NAMES, kind);
      if (found) return found;
      const parent = dirname(dir);
      if (parent === dir || this.stopAt.includes(dir)) return undefined;
      dir = parent;
    }
  }

  /** Settings for the file at `absPath`, layered under the editor's or CLI's own `overrides`. */
  resolve(absPath: string, overrides: RuleSettings = {}): ResolvedConfig {
    const dir = dirname(absPath);
    const bulkhead = this.nearest(dir, 'bulkhead');
    const hadolint = this.nearest(dir, 'hadolint');
    const sources = [bulkhead, hadolint].filter((c): c is LoadedConfig => c !== undefined);
    const rel = (c: LoadedConfig): string => relative(c.dir, absPath).split(sep).join('/');
    let settings: RuleSettings = overrides;
    let policy: Partial<PolicyOptions> = {};
    let ignored = false;
    if (bulkhead) {
      const r = resolveSettings(bulkhead.config, rel(bulkhead), settings);
      settings = r.settings;
      policy = r.policy;
      ignored = r.ignored;
    }
    if (hadolint) {
      const r = resolveSettings(hadolint.config, rel(hadolint), {});
      settings = { ...settings, severityLayers: [...(r.settings.severityLayers ?? []), ...(settings.severityLayers ?? [])] };
      policy = { ...r.policy, ...policy };
    }
    return { settings, policy, ignored, sources, failureThreshold: hadolint?.config.failureThreshold };
  }
}
