/**
 * Lint results cached per (uri, version): diagnostics, hover and code actions of one document
 * version share one lint. Settings changes clear the cache (see SettingsCache.generation).
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, resolveSeverity, RULES, kindFromName, MAX_FILE_BYTES, type FileKind, type LintResult, type RuleSettings } from '../../rules/src/api';
import { DEFAULT_POLICY, LABEL_TYPES, type LabelType, type PolicyOptions } from '../../rules/src/engine/rule';
import { pathGlobMatch } from '../../rules/src/engine/config';
import { LintMemory } from '../../rules/src/engine/incremental';
import type { ConfigResolver } from './config/files';
import type { BulkheadSettings } from '../../protocol/src/settings';
import { analyseIgnoreIds, type IgnoreId } from './features/ignoreComments';
import { ruleSettingsOf, type SettingsCache } from './settings';
import { governYoungGeneration } from './boot/heap';
import type { WorkspaceFacts } from './features/workspaceIndex';

/** Everything the features need to know about one document version. */
export interface Analysis {
  uri: string;
  version: number;
  kind: FileKind;
  settings: BulkheadSettings;
  result: LintResult;
  ignoreIds: IgnoreId[];
  /** Rules enabled for this document's kind under its settings. */
  activeRules: number;
  durationMs: number;
  lintedAt: Date;
  /** Too large or binary: no feature should read the text. */
  unreadable: boolean;
  /** Config files in force for this document (paths). */
  configFiles: string[];
  /** Pod Security Standards profile in force (Kubernetes rules). */
  profile: PolicyOptions['profile'];
  /** Registries and base images allowed for this document (config file, else settings). */
  policy: PolicyOptions;
  /** Why the file is excluded from linting (`ignorePaths`), when it is. */
  excluded: string | undefined;
}

/** Local file path of a `file:` URI, undefined for other schemes (untitled, git …). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** File path of a document URI, for kind detection by name. */
export function pathOf(uri: string): string {
  try {
    const u = new URL(uri);
    const path = decodeURIComponent(u.pathname || uri);
    // One spelling per Windows drive (`/C:/x` from pathToFileURL, `/c:/x` from VS Code).
    return /^\/[A-Z]:/.test(path) ? `/${path[1]!.toLowerCase()}${path.slice(2)}` : path;
  } catch {
    return uri;
  }
}

/** Kind of a document from its name and language id alone (no parsing). */
export function documentKind(doc: TextDocument): FileKind {
  return kindFromName(pathOf(doc.uri), doc.languageId);
}

/** What `.bulkhead.yaml` / `.hadolint.yaml` add to the editor settings for one file. */
export interface FileConfig {
  settings: RuleSettings;
  policy: Partial<PolicyOptions>;
  ignored: boolean;
  /** What excluded the file, for the message. */
  ignoredBy: string | undefined;
  files: string[];
}

/**
 * Layers the config files under the editor settings. Rules: VS Code settings win over the file
 * (see ruleSettingsOf). Policy keys (profile, trusted registries, allowed base images): the
 * nearest config file wins and the settings are the fallback, so the editor enforces the same
 * policy as the CLI in CI. Ignored paths: the settings' globs (relative to the workspace folder)
 * add to the config file's.
 */
export function fileConfig(path: string | undefined, editor: BulkheadSettings, configs: ConfigResolver | undefined): FileConfig {
  const rules = ruleSettingsOf(editor);
  const fallback: Partial<PolicyOptions> = { profile: editor.profile };
  if (editor.trustedRegistries.length > 0) fallback.trustedRegistries = editor.trustedRegistries;
  if (editor.allowedBaseImages.length > 0) fallback.allowedBaseImages = editor.allowedBaseImages;
  const labelSchema = Object.entries(editor.labelSchema).filter((e): e is [string, LabelType] => (LABEL_TYPES as readonly string[]).includes(e[1]));
  if (labelSchema.length > 0) fallback.labelSchema = Object.fromEntries(labelSchema);
  if (editor.strictLabels) fallback.strictLabels = true;
  if (!path) return { settings: rules, policy: fallback, ignored: false, ignoredBy: undefined, files: [] };
  const r = configs?.resolve(path, rules);
  const root = configs?.rootOf(path);
  const rel = (root ? relative(root, path) : path).split(sep).join('/').replace(/^\/+/, '');
  const bySettings = editor.ignorePaths.find((g) => pathGlobMatch(g, rel));
  const files = r ? r.sources.map((s) => s.path) : [];
  const ignoredBy = r?.ignored ? `ignorePaths in ${files[0] ?? 'the config file'}` : bySettings !== undefined ? `bulkhead.ignorePaths ('${bySettings}')` : undefined;
  return { settings: r ? r.settings : rules, policy: { ...fallback, ...(r?.policy ?? {}) }, ignored: ignoredBy !== undefined, ignoredBy, files };
}

/** Enabled-rule counts per kind and settings: resolving every rule's severity on every keystroke cost about a millisecond. */
const activeCounts = new Map<string, number>();
function activeRuleCount(kind: FileKind, settings: RuleSettings): number {
  const key = `${kind} ${JSON.stringify(settings)}`;
  let n = activeCounts.get(key);
  if (n === undefined) {
    if (activeCounts.size >= 256) activeCounts.clear();
    n = RULES.filter((r) => r.target === kind && resolveSeverity(r, settings) !== 'off').length;
    activeCounts.set(key, n);
  }
  return n;
}

/**
 * Lints one document version. Never throws (the engine isolates rule crashes). With `workspace`,
 * the document is linted against the other files' facts and its own facts go into the index.
 */
export function analyse(doc: TextDocument, settings: BulkheadSettings, onRuleError: (ruleId: string, error: unknown) => void, configs?: ConfigResolver, memory?: LintMemory, workspace?: WorkspaceFacts): Analysis {
  const started = performance.now();
  const text = doc.getText();
  const config = fileConfig(filePathOf(doc.uri), settings, configs);
  const skip = (reason: string): LintResult => ({ kind: documentKind(doc), findings: [], problems: [], suppressed: [], unusedSuppressions: [], skipped: reason, crashedRules: [] });
  let result: LintResult;
  if (!settings.enable) result = skip('Bulkhead is disabled for this file (bulkhead.enable).');
  else if (config.ignored) result = skip(`Excluded by ${config.ignoredBy ?? 'ignorePaths'}.`);
  else {
    let reported = false;
    const onFacts = workspace && ((f: Parameters<WorkspaceFacts['update']>[0]): void => {
      reported = true;
      workspace.update(f);
    });
    result = lint({ path: pathOf(doc.uri), text, languageId: doc.languageId }, { settings: config.settings, policy: config.policy, onRuleError, memory, workspace: workspace?.index, onFacts });
    if (workspace && !reported) workspace.update(workspace.fallback(pathOf(doc.uri), text, true));
    workspace?.noteReads(doc.uri, config.settings);
  }
  if (workspace && (!settings.enable || config.ignored)) {
    workspace.update(workspace.fallback(pathOf(doc.uri), text, false));
    workspace.noteReads(doc.uri, undefined);
  }
  const kind = result.kind;
  const ignoreIds = result.skipped === undefined ? analyseIgnoreIds(text, kind, result) : [];
  const activeRules = activeRuleCount(kind, config.settings);
  const unreadable = text.length > MAX_FILE_BYTES || text.includes('\u0000');
  return { uri: doc.uri, version: doc.version, kind, settings, result, ignoreIds, activeRules, durationMs: performance.now() - started, lintedAt: new Date(), unreadable, configFiles: config.files, profile: config.policy.profile ?? DEFAULT_POLICY.profile, policy: { ...DEFAULT_POLICY, ...config.policy }, excluded: settings.enable && config.ignored ? `Excluded by ${config.ignoredBy ?? 'ignorePaths'}.` : undefined };
}

/**
 * Analyses kept at most: those of the most recently used documents. An analysis holds the
 * document's findings with their fixes (≈ 10 KB on average, some 100 KB); with hundreds of open
 * documents most are never looked at again, and a pull of an unchanged version is answered with
 * its result id (features/diagnostics.ts). A dropped one is linted again when a request needs it.
 */
export const MAX_ANALYSES = 64;

/** The analysis cache of one server (least recently used analyses dropped beyond `maxEntries`). */
export class AnalysisCache {
  /** In order of use, oldest first. */
  private readonly entries = new Map<string, Analysis>();
  /** Incremental lint state of the documents being edited (multi-document YAML is re-linted per changed document). */
  private readonly memory = new LintMemory();
  /** The workspace index documents are linted in (set by server.ts). */
  workspace: WorkspaceFacts | undefined;

  constructor(
    private readonly settings: SettingsCache,
    private readonly onRuleError: (uri: string, ruleId: string, error: unknown) => void,
    private readonly onAnalysed: (a: Analysis) => void,
    private readonly configs: () => ConfigResolver | undefined = () => undefined,
    private readonly maxEntries = MAX_ANALYSES,
  ) {}

  private keep(a: Analysis): void {
    this.entries.delete(a.uri);
    this.entries.set(a.uri, a);
    for (const uri of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(uri);
    }
  }

  /** The analysis of the document's current version, linting it when not cached. */
  async get(doc: TextDocument): Promise<Analysis> {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) {
      this.keep(cached);
      return cached;
    }
    const generation = this.settings.generation;
    const settings = await this.settings.get(doc.uri);
    const again = this.entries.get(doc.uri);
    if (again && again.version === doc.version && generation === this.settings.generation) return again;
    const a = analyse(doc, settings, (ruleId, error) => this.onRuleError(doc.uri, ruleId, error), this.configs(), this.memory, this.workspace);
    governYoungGeneration(cached !== undefined && cached.version !== doc.version);
    if (generation === this.settings.generation) this.keep(a);
    this.onAnalysed(a);
    return a;
  }

  /** The cached analysis of exactly this version, if any (no lint). */
  peek(uri: string, version: number): Analysis | undefined {
    const a = this.entries.get(uri);
    return a && a.version === version ? a : undefined;
  }

  /** Drops the cached analysis of a document (other files changed what its lint says); keeps its incremental state. */
  invalidate(uri: string): void {
    this.entries.delete(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.memory.forget(pathOf(uri));
  }

  clear(): void {
    this.entries.clear();
  }
}
