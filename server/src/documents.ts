/**
 * Lint results cached per (uri, version): diagnostics, hover and code actions of one document
 * version share one lint. Settings changes clear the cache (see SettingsCache.generation).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, resolveSeverity, RULES, kindFromName, type FileKind, type LintResult } from '../../rules/src/api';
import type { BulkheadSettings } from '../../protocol/src/settings';
import { analyseIgnoreIds, type IgnoreId } from './features/ignoreComments';
import { ruleSettingsOf, type SettingsCache } from './settings';

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
}

/** File path of a document URI, for kind detection by name. */
export function pathOf(uri: string): string {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname || uri);
  } catch {
    return uri;
  }
}

/** Kind of a document from its name and language id alone (no parsing). */
export function documentKind(doc: TextDocument): FileKind {
  return kindFromName(pathOf(doc.uri), doc.languageId);
}

/** Lints one document version. Never throws (the engine isolates rule crashes). */
export function analyse(doc: TextDocument, settings: BulkheadSettings, onRuleError: (ruleId: string, error: unknown) => void): Analysis {
  const started = performance.now();
  const text = doc.getText();
  const ruleSettings = ruleSettingsOf(settings);
  const result: LintResult = settings.enable
    ? lint({ path: pathOf(doc.uri), text, languageId: doc.languageId }, { settings: ruleSettings, onRuleError })
    : { kind: documentKind(doc), findings: [], problems: [], suppressed: [], unusedSuppressions: [], skipped: 'Bulkhead is disabled for this file (bulkhead.enable).', crashedRules: [] };
  const kind = result.kind;
  const ignoreIds = settings.enable ? analyseIgnoreIds(text, kind, result) : [];
  const activeRules = RULES.filter((r) => r.target === kind && resolveSeverity(r, ruleSettings) !== 'off').length;
  return { uri: doc.uri, version: doc.version, kind, settings, result, ignoreIds, activeRules, durationMs: performance.now() - started, lintedAt: new Date() };
}

/** The analysis cache of one server. */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  constructor(private readonly settings: SettingsCache, private readonly onRuleError: (uri: string, ruleId: string, error: unknown) => void, private readonly onAnalysed: (a: Analysis) => void) {}

  /** The analysis of the document's current version, linting it when not cached. */
  async get(doc: TextDocument): Promise<Analysis> {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const generation = this.settings.generation;
    const settings = await this.settings.get(doc.uri);
    const again = this.entries.get(doc.uri);
    if (again && again.version === doc.version && generation === this.settings.generation) return again;
    const a = analyse(doc, settings, (ruleId, error) => this.onRuleError(doc.uri, ruleId, error));
    if (generation === this.settings.generation) this.entries.set(doc.uri, a);
    this.onAnalysed(a);
    return a;
  }

  /** The cached analysis of exactly this version, if any (no lint). */
  peek(uri: string, version: number): Analysis | undefined {
    const a = this.entries.get(uri);
    return a && a.version === version ? a : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
