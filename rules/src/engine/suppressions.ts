/**
 * Inline suppressions, applied after all rules ran (rules never see them):
 *   `# bulkhead-ignore <id|name>[,<id|name>…] [-- reason]` on its own line silences the next
 *   instruction (Dockerfile) or line (YAML); as a trailing comment it silences its own line.
 *   `# bulkhead-ignore-file <id|name>[,…] [-- reason]` silences the whole file.
 */
import { Parser } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { AnyRule } from './rule';
import type { Finding, CommentSource } from './run';
import { ruleKeys, globMatch } from './severity';

/** A parsed ignore comment. */
export interface IgnoreComment {
  scope: 'line' | 'file';
  ids: string[];
  reason: string | undefined;
  range: Range;
  /** 0-based lines the comment covers (line scope only). */
  lines: Set<number>;
}

/** A finding that a comment silenced, with that comment. */
export interface Suppressed {
  finding: Finding;
  comment: IgnoreComment;
}

const LINE_DIRECTIVE = 'bulkhead-ignore';
const FILE_DIRECTIVE = 'bulkhead-ignore-file';

/** Parses the text of one comment (without '#'); undefined when it is not an ignore comment. */
export function parseIgnoreComment(content: string, range: Range): IgnoreComment | undefined {
  const body = content.trim();
  let scope: 'line' | 'file';
  let rest: string;
  if (body.startsWith(FILE_DIRECTIVE + ' ') || body === FILE_DIRECTIVE) {
    scope = 'file';
    rest = body.slice(FILE_DIRECTIVE.length);
  } else if (body.startsWith(LINE_DIRECTIVE + ' ') || body === LINE_DIRECTIVE) {
    scope = 'line';
    rest = body.slice(LINE_DIRECTIVE.length);
  } else {
    return undefined;
  }
  const sep = rest.indexOf('--');
  const idsText = sep >= 0 ? rest.slice(0, sep) : rest;
  const reason = sep >= 0 ? rest.slice(sep + 2).trim() || undefined : undefined;
  const ids = idsText.split(/[,\s]+/).map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) return undefined;
  return { scope, ids, reason, range, lines: new Set() };
}

interface RawComment {
  content: string;
  range: Range;
  /** True when code precedes the comment on its line. */
  trailing: boolean;
}

function yamlComments(source: Extract<CommentSource, { kind: 'yaml' }>): RawComment[] {
  const { file } = source;
  const out: RawComment[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const t = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const range = file.lines.range(t.offset, t.offset + t.source.length);
      const before = file.lines.lineText(range.start.line).slice(0, range.start.character);
      out.push({ content: t.source.slice(1), range, trailing: before.trim() !== '' });
      return;
    }
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  for (const token of new Parser().parse(file.text)) walk(token);
  return out;
}

/** Collects ignore comments and the lines each one covers. */
export function collectIgnoreComments(source: CommentSource): IgnoreComment[] {
  const out: IgnoreComment[] = [];
  if (source.kind === 'dockerfile') {
    const { model } = source;
    for (const c of model.comments) {
      const parsed = parseIgnoreComment(c.value, c.range);
      if (!parsed) continue;
      if (parsed.scope === 'line') {
        const next = model.instructions.find((i) => i.range.start.line > c.range.start.line);
        if (next) for (let l = next.range.start.line; l <= next.range.end.line; l++) parsed.lines.add(l);
      }
      out.push(parsed);
    }
    return out;
  }
  const lines = source.file.lines;
  for (const c of yamlComments(source)) {
    const parsed = parseIgnoreComment(c.content, c.range);
    if (!parsed) continue;
    if (parsed.scope === 'line') {
      if (c.trailing) parsed.lines.add(c.range.start.line);
      else {
        let l = c.range.start.line + 1;
        while (l < lines.lineCount && (lines.lineText(l).trim() === '' || lines.lineText(l).trim().startsWith('#'))) l++;
        parsed.lines.add(l);
      }
    }
    out.push(parsed);
  }
  return out;
}

function commentMatches(comment: IgnoreComment, rule: AnyRule | undefined, finding: Finding): boolean {
  const keys = rule ? ruleKeys(rule) : [finding.ruleId, finding.ruleName];
  return comment.ids.some((id) => keys.some((k) => globMatch(id, k)));
}

/** Splits findings into kept and suppressed. */
export function applySuppressions(findings: Finding[], source: CommentSource, rules: readonly AnyRule[]): { kept: Finding[]; suppressed: Suppressed[] } {
  const comments = collectIgnoreComments(source);
  if (comments.length === 0) return { kept: findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const f of findings) {
    const rule = rules.find((r) => r.id === f.ruleId);
    const comment = comments.find((c) => commentMatches(c, rule, f) && (c.scope === 'file' || c.lines.has(f.range.start.line)));
    if (comment) suppressed.push({ finding: f, comment });
    else kept.push(f);
  }
  return { kept, suppressed };
}
