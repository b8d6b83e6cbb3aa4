/** Text of the language status item (no `vscode` import, so tests can load it). */
import type { StatusParams } from '../../protocol/src/protocol';

/** Formats one `bulkhead/status` for the item: short text, detail line and severity. */
export function describeStatus(s: StatusParams): { text: string; detail: string; severity: 'info' | 'warning' } {
  if (s.skipped !== undefined) return { text: 'Bulkhead: not linted', detail: s.skipped, severity: 'info' };
  const time = new Date(s.lintedAt).toLocaleTimeString();
  const parts = [s.kind === 'kubernetes' && s.profile ? `kubernetes, PSS ${s.profile}` : s.kind, `last lint ${time} (${s.durationMs.toFixed(1)} ms)`, `${s.suppressed} suppressed`];
  if (s.configFiles && s.configFiles.length > 0) parts.push(`config: ${s.configFiles.map((f) => f.split(/[\\/]/).pop() ?? f).join(', ')}`);
  if (s.unusedSuppressions > 0) parts.push(`${s.unusedSuppressions} unused suppression${s.unusedSuppressions === 1 ? '' : 's'}`);
  if (s.crashedRules.length > 0) parts.push(`rules failed: ${s.crashedRules.join(', ')}`);
  return { text: `Bulkhead: ${s.activeRules} rules`, detail: parts.join(' · '), severity: s.crashedRules.length > 0 ? 'warning' : 'info' };
}
