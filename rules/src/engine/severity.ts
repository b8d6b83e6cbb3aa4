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

/** The names a rule answers to in settings and ignore comments: id, name and aliases. */
export function ruleKeys(rule: AnyRule): string[] {
  return [rule.id, rule.name, ...(rule.aliases ?? [])];
}

function matchesAny(rule: AnyRule, patterns: readonly string[] | undefined): boolean {
  if (!patterns) return false;
  const keys = ruleKeys(rule);
  return patterns.some((p) => keys.some((k) => globMatch(p, k)));
}

/** The effective severity of a rule under the settings, or `off`. */
export function resolveSeverity(rule: AnyRule, settings: RuleSettings | undefined): SeverityOverride {
  const s = settings ?? {};
  const overrides = s.severityOverrides ?? {};
  const keys = ruleKeys(rule).map((k) => k.toLowerCase());
  let exact: SeverityOverride | undefined;
  let glob: SeverityOverride | undefined;
  for (const [pattern, sev] of Object.entries(overrides)) {
    if (!pattern.includes('*') && keys.includes(pattern.toLowerCase())) exact = sev;
    else if (pattern.includes('*') && keys.some((k) => globMatch(pattern, k))) glob = sev;
  }
  const override = exact ?? glob;
  if (override === 'off') return 'off';
  if (matchesAny(rule, s.disabledRules)) return 'off';
  if (rule.defaultOff && !matchesAny(rule, s.enabledRules) && override === undefined) return 'off';
  return override ?? rule.severity;
}
