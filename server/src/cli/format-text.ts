/**
 * Human-readable output, one line per finding in the shape compilers use, so editors and CI
 * logs can link to it:
 *   path:line:column severity RULEID message
 * Problems that are not rule findings use `source/code` as the id (e.g. `yaml/BAD_INDENT`).
 * Skipped files follow as `path: skipped: reason`, then one summary line.
 */
import { relevantFiles, summarize, type LintRun, type Summary } from './report';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The closing summary line, e.g. `5 findings and 1 problem (3 errors, 3 warnings) in 2 of 4 files; 1 skipped.` Severity counts cover both. */
export function summaryLine(s: Summary): string {
  const parts: string[] = [];
  if (s.errors) parts.push(plural(s.errors, 'error'));
  if (s.warnings) parts.push(plural(s.warnings, 'warning'));
  if (s.infos) parts.push(plural(s.infos, 'info'));
  if (s.hints) parts.push(plural(s.hints, 'hint'));
  const total = s.findings + s.problems;
  const what = s.problems === 0 ? plural(s.findings, 'finding') : `${plural(s.findings, 'finding')} and ${plural(s.problems, 'problem')}`;
  let line = total === 0 ? `No findings in ${plural(s.filesChecked, 'file')}` : `${what} (${parts.join(', ')}) in ${s.filesWithFindings} of ${plural(s.filesChecked, 'file')}`;
  const extra: string[] = [];
  if (s.filesSkipped) extra.push(`${s.filesSkipped} skipped`);
  if (s.suppressed) extra.push(`${s.suppressed} suppressed`);
  if (s.unreadable) extra.push(`${s.unreadable} unreadable`);
  if (extra.length) line += `; ${extra.join(', ')}`;
  return `${line}.`;
}

/** Formats a run as text. */
export function formatText(run: LintRun): string {
  const lines: string[] = [];
  const files = relevantFiles(run);
  for (const f of files) {
    const items = [
      ...f.findings.map((x) => ({ range: x.range, severity: x.severity, id: x.ruleId, message: x.message })),
      ...f.problems.map((p) => ({ range: p.range, severity: p.severity, id: `${p.source}/${p.code}`, message: p.message })),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const x of items) {
      lines.push(`${f.path}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.id} ${x.message}`);
    }
  }
  for (const f of files) if (f.skipped !== undefined) lines.push(`${f.path}: skipped: ${f.skipped}`);
  for (const e of run.errors) lines.push(`${e.path}: unreadable: ${e.message}`);
  lines.push(summaryLine(summarize(run)));
  return `${lines.join('\n')}\n`;
}
