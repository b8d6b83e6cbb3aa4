/**
 * Per-resource settings: fetched from the client with workspace/configuration for each document
 * URI, cached per URI, and cleared on didChangeConfiguration. There is no server-wide settings
 * global: two folders of a workspace may configure Bulkhead differently.
 */
import type { Connection } from 'vscode-languageserver';
import { normaliseSettings, type BulkheadSettings } from '../../protocol/src/settings';
import { RULES, globMatch, ruleKeys, type RuleSettings } from '../../rules/src/api';
import type { SeverityOverride } from '../../rules/src/engine/severity';

/** Settings cache for one connection. */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<BulkheadSettings>>();
  /** Settings pushed with didChangeConfiguration, used when the client cannot answer workspace/configuration. */
  private pushed: BulkheadSettings = normaliseSettings(undefined);
  /** Incremented on every change, so results computed with older settings are not cached. */
  generation = 0;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** The settings that apply to a document. */
  get(uri: string): Promise<BulkheadSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'bulkhead' })
        .then((raw: unknown) => normaliseSettings(raw), () => normaliseSettings(undefined));
      this.byUri.set(uri, p);
    }
    return p;
  }

  /** Drops every cached value; `raw` is the `bulkhead` section of a didChangeConfiguration push, if any. */
  clear(raw?: unknown): void {
    this.byUri.clear();
    this.generation++;
    if (raw !== undefined) this.pushed = normaliseSettings(raw);
  }

  /** Forgets one document's settings (on close). */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/**
 * The part of the settings the rule engine understands. VS Code settings win over a config file
 * for rules, so `disabledRules` and `enabledRules` are folded into the top override layer (the
 * engine alone would let a config file's severity beat an editor `disabledRules` entry). Within
 * that layer an exact id beats a glob, and an explicit `severityOverrides` entry beats both lists.
 */
export function ruleSettingsOf(s: BulkheadSettings): RuleSettings {
  const top: Record<string, SeverityOverride> = {};
  for (const p of s.disabledRules) top[p] = 'off';
  if (s.enabledRules.length > 0) {
    for (const r of RULES) {
      if (r.defaultOff && s.enabledRules.some((p) => ruleKeys(r).some((k) => globMatch(p, k)))) top[r.id] = r.severity;
    }
  }
  return { disabledRules: s.disabledRules, enabledRules: s.enabledRules, severityOverrides: { ...top, ...s.severityOverrides } };
}
