/**
 * Inline suppressions, applied after all rules ran (rules never see them). Bulkhead's own forms:
 *   `# bulkhead-ignore <id|name>[,…] [-- reason]` on its own line silences the next instruction
 *   (Dockerfile) or line (YAML); as a trailing comment it silences its own line.
 *   `# bulkhead-ignore-file <id|name>[,…] [-- reason]` silences the whole file.
 * and the forms users already have, mapped through each rule's `anchors`:
 *   `# hadolint ignore=DL3007,…`, `# hadolint global ignore=…`, `# checkov:skip=CKV_…[:reason]`,
 *   `# trivy:ignore:AVD-DS-0002`, `# kics-scan ignore-line | ignore-block | ignore | disable=<uuid>,…`,
 *   BuildKit's `# check=skip=<Name>,…|all`, and on Kubernetes objects the annotations
 *   `ignore-check.kube-linter.io/<check>` and `polaris.fairwinds.com/<check>-exempt` / `…/exempt`.
 */
import type { Range } from 'vscode-languageserver-types';
import type { AnyRule, AnchorTool } from './rule';
import type { Finding, CommentSource } from './run';
import { ruleKeys, globMatch } from './severity';
import { objectsOf } from '../model/kubernetes/workloads';
import { getIn, mapPairs, stringValue } from '../model/yaml/documents';
import { parseForeignComment, splitIds } from './foreign-suppressions';

/** Who wrote the suppression syntax; foreign ids are matched through `anchors[tool]`. */
export type SuppressionTool = 'bulkhead' | AnchorTool;

/** A parsed suppression (comment or annotation). */
export interface IgnoreComment {
  tool: SuppressionTool;
  scope: 'line' | 'block' | 'file';
  /** Ids as written; empty with `all` set for "ignore everything". */
  ids: string[];
  all: boolean;
  reason: string | undefined;
  range: Range;
  /** First and last 0-based line covered (line and block scope). */
  from: number;
  to: number;
}

/** A finding that a suppression silenced, with that suppression. */
export interface Suppressed {
  finding: Finding;
  comment: IgnoreComment;
}

const LINE_DIRECTIVE = 'bulkhead-ignore';
const FILE_DIRECTIVE = 'bulkhead-ignore-file';


/** Parses the text of one comment (without '#'); undefined when it is not a suppression. */
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
    return parseForeignComment(body, range);
  }
  const sep = rest.indexOf('--');
  const idsText = sep >= 0 ? rest.slice(0, sep) : rest;
  const reason = sep >= 0 ? rest.slice(sep + 2).trim() || undefined : undefined;
  const ids = splitIds(idsText);
  if (ids.length === 0) return undefined;
  return { tool: 'bulkhead', scope, ids, all: false, reason, range, from: -1, to: -1 };
}

interface RawComment {
  content: string;
  range: Range;
  /** True when code precedes the comment on its line. */
  trailing: boolean;
}

function yamlComments(source: Extract<CommentSource, { kind: 'yaml' }>): RawComment[] {
  const { file } = source;
  // Comment tokens come from the model's single lexing pass (parseYaml), not a second parse.
  // Only comments that can be a suppression get a range (most comments are prose or licences).
  const out: RawComment[] = [];
  for (const t of file.comments) {
    if (!maySuppress(t.source)) continue;
    const range = file.lines.range(t.offset, t.offset + t.source.length);
    const before = file.lines.lineText(range.start.line).slice(0, range.start.character);
    out.push({ content: t.source.slice(1), range, trailing: before.trim() !== '' });
  }
  return out;
}

/**
 * False for a comment (`#…`) that no suppression parser accepts: after the `#` and leading
 * whitespace, Bulkhead's and every foreign form starts with b, h, c, t or k (parseIgnoreComment,
 * parseForeignComment).
 */
function maySuppress(source: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a || ch === 0x0c || ch === 0x0b || ch === 0xa0 || ch === 0xfeff) continue;
    // b(ulkhead-ignore) h(adolint) c(heckov / check=) t(rivy) k(ics-scan); anything else (including other whitespace) is checked fully.
    return ch === 0x62 || ch === 0x68 || ch === 0x63 || ch === 0x74 || ch === 0x6b || ch > 0x7f;
  }
  return false;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Collects suppressions and the lines each one covers. */
export function collectIgnoreComments(source: CommentSource): IgnoreComment[] {
  const out: IgnoreComment[] = [];
  if (source.kind === 'dockerfile') {
    const { model } = source;
    // Comments at the top of a Dockerfile in `key=value` form are parser directives for dockerfile-ast.
    const raw = [
      ...model.ast.getDirectives().map((d) => ({ value: model.lines.lineText(d.getRange().start.line).replace(/^\s*#/, ''), range: d.getRange() })),
      ...model.comments,
    ];
    for (const c of raw) {
      const parsed = parseIgnoreComment(c.value, c.range);
      if (!parsed) continue;
      if (parsed.scope !== 'file') {
        const next = model.instructions.find((i) => i.range.start.line > c.range.start.line);
        if (!next) continue;
        parsed.from = next.range.start.line;
        parsed.to = next.range.end.line;
      }
      out.push(parsed);
    }
    return out;
  }
  const lines = source.file.lines;
  for (const c of yamlComments(source)) {
    const parsed = parseIgnoreComment(c.content, c.range);
    if (!parsed) continue;
    if (parsed.scope !== 'file') {
      let l = c.range.start.line;
      if (!c.trailing) {
        l++;
        while (l < lines.lineCount && (lines.lineText(l).trim() === '' || lines.lineText(l).trim().startsWith('#'))) l++;
      }
      parsed.from = l;
      parsed.to = l;
      if (parsed.scope === 'block') {
        const base = indentOf(lines.lineText(l));
        let end = l;
        for (let k = l + 1; k < lines.lineCount; k++) {
          const t = lines.lineText(k);
          if (t.trim() === '' || t.trim().startsWith('#')) continue;
          if (indentOf(t) <= base && !t.trimStart().startsWith('- ')) break;
          if (indentOf(t) < base) break;
          end = k;
        }
        parsed.to = end;
      }
    }
    out.push(parsed);
  }
  if (source.kubernetes) out.push(...annotationSuppressions(source));
  return out;
}

const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';

function annotationSuppressions(source: Extract<CommentSource, { kind: 'yaml' }>): IgnoreComment[] {
  const out: IgnoreComment[] = [];
  // The engine passes the objects it built for the rules; reading annotations needs no second pass.
  for (const o of source.objects ?? objectsOf(source.file)) {
    const annotations = getIn(o.node, ['metadata', 'annotations']);
    for (const pair of mapPairs(annotations)) {
      const key = stringValue(pair.key) ?? '';
      const value = stringValue(pair.value);
      const base = { scope: 'block' as const, reason: value, range: o.headRange, from: o.doc.range.start.line, to: o.doc.range.end.line };
      if (key.startsWith(KUBE_LINTER_PREFIX)) out.push({ ...base, tool: 'kubeLinter', ids: [key.slice(KUBE_LINTER_PREFIX.length)], all: false });
      else if (key.startsWith(POLARIS_PREFIX) && value === 'true') {
        const rest = key.slice(POLARIS_PREFIX.length);
        if (rest === 'exempt') out.push({ ...base, tool: 'polaris', ids: [], all: true, reason: undefined });
        else if (rest.endsWith('-exempt')) out.push({ ...base, tool: 'polaris', ids: [rest.slice(0, -'-exempt'.length)], all: false, reason: undefined });
      }
    }
  }
  return out;
}

/** Trivy ids appear as AVD-DS-0002, DS-0002, DS002 or ds002; compare them in one form. */
export function normaliseForeignId(tool: SuppressionTool, id: string): string {
  if (tool !== 'trivy') return id.toLowerCase();
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return m ? `${m[1]!.toUpperCase()}-${m[2]!.padStart(4, '0')}` : id.toUpperCase();
}

function commentMatches(comment: IgnoreComment, rule: AnyRule | undefined, finding: Finding): boolean {
  if (comment.all) return true;
  if (comment.tool === 'bulkhead') {
    const keys = rule ? ruleKeys(rule) : [finding.ruleId, finding.ruleName];
    return comment.ids.some((id) => keys.some((k) => globMatch(id, k)));
  }
  const anchors = rule?.anchors[comment.tool] ?? [];
  const tool = comment.tool;
  const wanted = new Set(anchors.map((a) => normaliseForeignId(tool, a)));
  return comment.ids.some((id) => wanted.has(normaliseForeignId(tool, id)));
}

function covers(c: IgnoreComment, line: number): boolean {
  return c.scope === 'file' || (line >= c.from && line <= c.to);
}

/** Splits findings into kept and suppressed, and lists Bulkhead ignore comments that silenced nothing. */
export function applySuppressions(findings: Finding[], source: CommentSource, rules: readonly AnyRule[]): { kept: Finding[]; suppressed: Suppressed[]; unused: IgnoreComment[] } {
  const comments = collectIgnoreComments(source);
  if (comments.length === 0) return { kept: findings, suppressed: [], unused: [] };
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<IgnoreComment>();
  for (const f of findings) {
    const rule = rules.find((r) => r.id === f.ruleId);
    const comment = comments.find((c) => covers(c, f.range.start.line) && commentMatches(c, rule, f));
    if (comment) {
      suppressed.push({ finding: f, comment });
      used.add(comment);
    } else kept.push(f);
  }
  const unused = comments.filter((c) => c.tool === 'bulkhead' && !used.has(c));
  return { kept, suppressed, unused };
}
