/**
 * Hover: rule documentation on a flagged range and on rule ids inside ignore comments, followed
 * by the companions' hover (Dockerfile instruction docs, YAML schema descriptions).
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../../../rules/src/api';
import { hoverMarkdown } from '../../../rules/src/engine/docs-text';
import type { Analysis } from '../documents';
import type { ServerContext } from '../context';

const SEPARATOR = '\n\n---\n\n';
/** Enough rules for an id glob like `K8S0*` without flooding the hover. */
const MAX_RULES_PER_ID = 3;

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** Bulkhead's own hover sections at a position (findings first, then ignore-comment ids). */
export function bulkheadHover(a: Analysis, position: Position): string[] {
  const parts: string[] = [];
  for (const f of a.result.findings) {
    if (!contains(f.range, position)) continue;
    const rule = RULES.find((r) => r.id === f.ruleId);
    if (rule) parts.push(hoverMarkdown(rule, f));
  }
  for (const i of a.ignoreIds) {
    if (!contains(i.range, position)) continue;
    for (const rule of i.rules.slice(0, MAX_RULES_PER_ID)) parts.push(hoverMarkdown(rule));
    if (i.rules.length === 0) parts.push(`\`${i.id}\` does not name a Bulkhead rule.`);
  }
  return parts;
}

function hoverText(h: Hover): string {
  const c = h.contents;
  const one = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'object' && x !== null && 'value' in x ? String((x as { value: unknown }).value) : '');
  return Array.isArray(c) ? c.map(one).join('\n\n') : one(c);
}

export async function hoverAt(ctx: ServerContext, doc: TextDocument, position: Position): Promise<Hover | null> {
  const a = await ctx.analyses.get(doc);
  const parts = bulkheadHover(a, position);
  if (!a.unreadable) {
    for (const c of ctx.companions) {
      if (!c.hover) continue;
      try {
        const h = await c.hover(doc, position, a);
        if (h) parts.push(hoverText(h));
      } catch (e) {
        ctx.connection.console.error(`Companion hover failed for ${doc.uri}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join(SEPARATOR) } };
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    return doc ? hoverAt(ctx, doc, params.position) : null;
  });
}
