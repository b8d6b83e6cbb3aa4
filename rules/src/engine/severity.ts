/**
 * Per-rule enablement and severity overrides, keyed by rule id, name or alias, with `*` globs.
 * Applied centrally after rules ran; rules never know about settings.
 */
import type { AnyRule, Severity } from './rule';

export type SeverityOverride = Severity | 'off';

/** User-facing rule settings (VS Code settings, CLI flags and, later, config files). */
export interface RuleSettings {
  /** Rule ids, names or globs to turn off. */
  disabledRules?: readonly string[];
  /** Rule ids or names to turn on even when they are off by default. */
  enabledRules?: readonly string[];
  /** Severity per id, name or glob; `off` disables. The most specific (exact before glob) wins. */
  severityOverrides?: Readonly<Record<string, SeverityOverride>>;
  /** Lower-priority override layers (config file, then its per-path overrides), applied before `severityOverrides`. */
  severityLayers?: readonly Readonly<Record<string, SeverityOverride>>[];
}

/** True when `pattern` (with `*` wildcards, case-insensitive) matches `value`. */
export function globMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  if (!p.includes('*')) return p === v;
  const parts = p.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === 0) {
      if (!v.startsWith(part)) return false;
      pos = part.length;
      continue;
    }
    if (i === parts.length - 1) return part === '' || (v.length - part.length >= pos && v.endsWith(part));
    const at = v.indexOf(part, pos);
    if (at < 0) return false;
    pos = at + part.length;
  }
  return true;
}

/** The names a rule answers to in settings and ignore comments: id, name, aliases and the equivalent ids of other tools (DL3007, CKV_K8S_16 …). */
export function ruleKeys(rule: AnyRule): string[] {
  return [rule.id, rule.name, ...(rule.aliases ?? []), ...Object.values(rule.anchors).flatMap((ids) => ids ?? [])];
}

function matchesAny(rule: AnyRule, patterns: readonly string[] | undefined): boolean {
  if (!patterns) return false;
  const keys = ruleKeys(rule);
  return patterns.some((p) => keys.some((k) => globMatch(p, k)));
}

/**
 * The override one layer gives a rule: an exact key beats a glob; the rule's own id, name or
 * alias beats another tool's id; among several matching foreign ids, a severity beats `off`.
 */
function layerOverride(rule: AnyRule, layer: Readonly<Record<string, SeverityOverride>>): SeverityOverride | undefined {
  const own = [rule.id, rule.name, ...(rule.aliases ?? [])].map((k) => k.toLowerCase());
  const foreign = ruleKeys(rule).slice(own.length).map((k) => k.toLowerCase());
  let best: { rank: number; sev: SeverityOverride } | undefined;
  for (const [pattern, sev] of Object.entries(layer)) {
    const p = pattern.toLowerCase();
    let rank = 0;
    if (!p.includes('*')) {
      if (own.includes(p)) rank = 4;
      else if (foreign.includes(p)) rank = sev === 'off' ? 2 : 3;
    } else if (own.some((k) => globMatch(p, k))) rank = 1;
    if (rank > 0 && (!best || rank >= best.rank)) best = { rank, sev };
  }
  return best?.sev;
}

/** The effective severity of a rule under the settings, or `off`. Layers apply in order; later layers win. */
export function resolveSeverity(rule: AnyRule, settings: RuleSettings | undefined): SeverityOverride {
  const s = settings ?? {};
  let override: SeverityOverride | undefined;
  for (const layer of [...(s.severityLayers ?? []), s.severityOverrides ?? {}]) override = layerOverride(rule, layer) ?? override;
  if (override === 'off') return 'off';
  if (override === undefined && matchesAny(rule, s.disabledRules)) return 'off';
  if (rule.defaultOff && !matchesAny(rule, s.enabledRules) && override === undefined) return 'off';
  return override ?? rule.severity;
}
