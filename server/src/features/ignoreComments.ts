/**
 * Ignore comments as the server sees them: every id of every `# bulkhead-ignore…` comment with
 * its own range, whether it silenced anything (unused ones become Unnecessary hints) and which
 * rule it names (for hover). The comments are only re-read when the text contains the directive.
 */
import type { Range } from 'vscode-languageserver';
import { collectIgnoreComments, type IgnoreComment } from '../../../rules/src/engine/suppressions';
import { parseDockerfile } from '../../../rules/src/model/dockerfile/parse';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { LineIndex } from '../../../rules/src/model/text';
import { RULES, globMatch, ruleKeys, type AnyRule, type FileKind, type LintResult } from '../../../rules/src/api';

/** One id inside one ignore comment. */
export interface IgnoreId {
  /** The id as written (may be a name or a glob). */
  id: string;
  range: Range;
  comment: IgnoreComment;
  /** Rules the id names (empty for an unknown id). */
  rules: AnyRule[];
  /** True when at least one finding was silenced through this id. */
  used: boolean;
}

const DIRECTIVE = 'bulkhead-ignore';

function matches(id: string, rule: AnyRule): boolean {
  return ruleKeys(rule).some((k) => globMatch(id, k));
}

/** Ranges of each id inside the comment text, found left to right after the directive word. */
function idRanges(comment: IgnoreComment, lines: LineIndex): Range[] {
  const start = lines.offsetAt(comment.range.start);
  const text = lines.slice(comment.range);
  let cursor = Math.max(0, text.indexOf(DIRECTIVE)) + DIRECTIVE.length;
  if (comment.scope === 'file') cursor += '-file'.length;
  return comment.ids.map((id) => {
    const at = text.indexOf(id, cursor);
    const from = at >= 0 ? at : cursor;
    cursor = from + id.length;
    return lines.range(start + from, start + from + (at >= 0 ? id.length : 0));
  });
}

/** Every id of every ignore comment in the document, with its usage. */
export function analyseIgnoreIds(text: string, kind: FileKind, result: LintResult): IgnoreId[] {
  if (!text.includes(DIRECTIVE) || result.skipped !== undefined) return [];
  let comments: IgnoreComment[];
  if (kind === 'dockerfile') comments = collectIgnoreComments({ kind: 'dockerfile', model: parseDockerfile(text) });
  else if (kind === 'kubernetes' || kind === 'compose') comments = collectIgnoreComments({ kind: 'yaml', file: parseYaml(text) });
  else return [];
  const lines = new LineIndex(text);
  const out: IgnoreId[] = [];
  for (const comment of comments) {
    if (comment.tool !== 'bulkhead') continue;
    const ranges = idRanges(comment, lines);
    comment.ids.forEach((id, i) => {
      const used = result.suppressed.some((s) => sameRange(s.comment.range, comment.range) && silencedBy(id, s.finding.ruleId, s.finding.ruleName));
      out.push({ id, range: ranges[i] ?? comment.range, comment, rules: RULES.filter((r) => r.target === kind && matches(id, r)), used });
    });
  }
  return out;
}

function silencedBy(id: string, ruleId: string, ruleName: string): boolean {
  const rule = RULES.find((r) => r.id === ruleId);
  return rule ? matches(id, rule) : globMatch(id, ruleId) || globMatch(id, ruleName);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
