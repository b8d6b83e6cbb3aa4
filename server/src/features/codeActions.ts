/**
 * Code actions per Bulkhead diagnostic, in a fixed order: the rule's safe fix (preferred), its
 * suggestions, "Ignore <ID> on this line", "Ignore <ID> in this file", "Show documentation for
 * <ID>". Plus `source.fixAll.bulkhead` with only safe fixes. Every edit is bound to the version
 * it was computed for, so a client never applies it to newer text.
 */
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionContext, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type Finding, type Fix } from '../../../rules/src/api';
import { parseDockerfile, type DockerfileModel } from '../../../rules/src/model/dockerfile/parse';
import { ClientCommands } from '../../../protocol/src/protocol';
import type { Analysis } from '../documents';
import type { ServerContext } from '../context';
import { SOURCE, type UnusedIgnoreData } from './diagnostics';
import { removeIgnoreIdEdit } from './ignoreEdits';
import { DOCKERFILE_SYNTAX_SOURCE, dockerfileSyntaxFixes } from './dockerfile';

/** Kind of the fix-all source action (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

const dockerfileModels = new WeakMap<Analysis, DockerfileModel>();

/** The Dockerfile model of an analysis, parsed at most once per document version. */
function dockerfileModel(a: Analysis, doc: TextDocument): DockerfileModel {
  let m = dockerfileModels.get(a);
  if (!m) {
    m = parseDockerfile(doc.getText());
    dockerfileModels.set(a, m);
  }
  return m;
}

function allowed(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function eol(doc: TextDocument): string {
  return doc.getText().includes('\r\n') ? '\r\n' : '\n';
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** A WorkspaceEdit bound to the document version. */
export function versionedEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] };
  return { changes: { [doc.uri]: edits } };
}

/** The line an ignore comment for this finding goes above: the instruction's first line in a Dockerfile, the finding's line in YAML. */
function ignoreLine(doc: TextDocument, a: Analysis, f: Finding): number {
  const line = f.range.start.line;
  if (a.kind !== 'dockerfile') return line;
  const instr = dockerfileModel(a, doc).instructions.find((i) => i.range.start.line <= line && i.range.end.line >= line);
  return instr ? instr.range.start.line : line;
}

/** Inserts `# bulkhead-ignore <id>` above the finding, indented like the line it silences. */
export function ignoreLineEdit(doc: TextDocument, a: Analysis, f: Finding): TextEdit {
  const line = ignoreLine(doc, a, f);
  const text = lineText(doc, line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# bulkhead-ignore ${f.ruleId}${eol(doc)}` };
}

/** Inserts `# bulkhead-ignore-file <id>` at the top (after Dockerfile parser directives, which must stay first). */
export function ignoreFileEdit(doc: TextDocument, a: Analysis, ruleId: string): TextEdit {
  let line = 0;
  if (a.kind === 'dockerfile') for (const d of dockerfileModel(a, doc).ast.getDirectives()) line = Math.max(line, d.getRange().end.line + 1);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `# bulkhead-ignore-file ${ruleId}${eol(doc)}` };
}

function quickFix(title: string, d: Diagnostic, edit: WorkspaceEdit | undefined, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], ...(edit ? { edit } : {}), ...(preferred ? { isPreferred: true } : {}) };
}

function actionsForFinding(doc: TextDocument, a: Analysis, d: Diagnostic, f: Finding, documentChanges: boolean): CodeAction[] {
  const edit = (fix: Fix): WorkspaceEdit => versionedEdit(doc, fix.edits, documentChanges);
  const out: CodeAction[] = [];
  if (f.fix) out.push(quickFix(f.fix.title, d, edit(f.fix), true));
  for (const s of f.suggestions) out.push(quickFix(s.title, d, edit(s)));
  out.push(quickFix(`Ignore ${f.ruleId} on this line`, d, versionedEdit(doc, [ignoreLineEdit(doc, a, f)], documentChanges)));
  out.push(quickFix(`Ignore ${f.ruleId} in this file`, d, versionedEdit(doc, [ignoreFileEdit(doc, a, f.ruleId)], documentChanges)));
  const docs = `Show documentation for ${f.ruleId}`;
  out.push({ ...quickFix(docs, d, undefined), command: { title: docs, command: ClientCommands.showRuleDocs, arguments: [f.ruleId] } });
  return out;
}

/** All safe fixes of the document, without overlapping edits. */
export function fixAllEdits(a: Analysis): TextEdit[] {
  const safe = new Set(RULES.filter((r) => r.fix === 'safe').map((r) => r.id));
  const edits: TextEdit[] = [];
  const taken: Range[] = [];
  const before = (x: Range, y: Range): boolean => x.end.line < y.start.line || (x.end.line === y.start.line && x.end.character <= y.start.character);
  for (const f of a.result.findings) {
    if (!f.fix || !safe.has(f.ruleId)) continue;
    if (f.fix.edits.some((e) => taken.some((t) => !before(e.range, t) && !before(t, e.range)))) continue;
    for (const e of f.fix.edits) {
      edits.push(e);
      taken.push(e.range);
    }
  }
  return edits;
}

/** Code actions for a request; pure apart from the lazily cached Dockerfile model. */
export function codeActionsFor(doc: TextDocument, a: Analysis, context: CodeActionContext, documentChanges: boolean): CodeAction[] {
  const only = context.only;
  const out: CodeAction[] = [];
  if (allowed(CodeActionKind.QuickFix, only)) {
    const seen = new Set<string>();
    for (const d of context.diagnostics) {
      if (d.source === DOCKERFILE_SYNTAX_SOURCE && a.kind === 'dockerfile') {
        for (const fix of dockerfileSyntaxFixes(doc, d)) out.push(quickFix(fix.title, d, versionedEdit(doc, fix.edits, documentChanges)));
        continue;
      }
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      const unused = d.data as Partial<UnusedIgnoreData> | undefined;
      if (typeof unused?.unusedIgnore === 'string') {
        const ignore = a.ignoreIds.find((i) => !i.used && sameRange(i.range, d.range));
        const edit = ignore ? removeIgnoreIdEdit(doc, ignore) : undefined;
        if (edit) out.push(quickFix(`Remove unused suppression ${ignore?.id ?? ''}`, d, versionedEdit(doc, [edit], documentChanges), true));
        continue;
      }
      // Only diagnostics of the current version get actions: a stale range never gets an edit.
      const f = a.result.findings.find((x) => x.ruleId === d.code && sameRange(x.range, d.range));
      if (!f) continue;
      for (const action of actionsForFinding(doc, a, d, f, documentChanges)) {
        // Two findings of one rule on one line share their ignore and docs actions.
        const shared = action.title.startsWith('Ignore ') || action.title.startsWith('Show documentation');
        const key = `${action.title}:${JSON.stringify(action.edit ?? null)}`;
        if (shared && seen.has(key)) continue;
        seen.add(key);
        out.push(action);
      }
    }
  }
  if (only && allowed(FIX_ALL_KIND, only)) {
    const edits = fixAllEdits(a);
    if (edits.length > 0) out.push({ title: 'Fix all safe Bulkhead problems', kind: FIX_ALL_KIND, edit: versionedEdit(doc, edits, documentChanges) });
  }
  return out;
}

/** Wires textDocument/codeAction. */
export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const a = await ctx.analyses.get(doc);
    return codeActionsFor(doc, a, params.context, ctx.client.documentChanges);
  });
}
