/**
 * Diagnostics: Bulkhead findings, engine problems (parse errors, skipped files, crashed rules),
 * unused ignore comments and the companions' diagnostics, merged into one list per document
 * version. Pull diagnostics when the client supports them (VS Code), otherwise debounced
 * publishDiagnostics; one path per session, chosen at initialize.
 */
import { DiagnosticSeverity, DiagnosticTag, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type DiagnosticServerCancellationData } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type Finding, type FixKind, type Problem, type Severity } from '../../../rules/src/api';
import type { Analysis } from '../documents';
import type { ServerContext } from '../context';
import type { IgnoreId } from './ignoreComments';
import type { YamlCompanion } from './yaml';

/** Source of every Bulkhead diagnostic. */
export const SOURCE = 'bulkhead';
/** Delay between the last keystroke and a pushed lint (push mode only; VS Code debounces pulls itself). */
export const PUSH_DEBOUNCE_MS = 100;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `Diagnostic.data` of a finding, read back by code actions. */
export interface FindingData {
  ruleId: string;
  fixable: FixKind;
  hasFix: boolean;
  suggestions: number;
}

/** `Diagnostic.data` of an unused ignore id. */
export interface UnusedIgnoreData {
  unusedIgnore: string;
}

/** Rules by id (a diagnostic is made for every finding on every pull: hundreds in a large manifest). */
const RULES_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Diagnostics made per finding object: findings of unchanged documents are the same objects from one keystroke to the next. */
const diagnosticOf = new WeakMap<Finding, Diagnostic>();

export function findingDiagnostic(f: Finding): Diagnostic {
  let d = diagnosticOf.get(f);
  if (!d) {
    d = makeFindingDiagnostic(f);
    diagnosticOf.set(f, d);
  }
  return d;
}

function makeFindingDiagnostic(f: Finding): Diagnostic {
  const rule = RULES_BY_ID.get(f.ruleId);
  const data: FindingData = { ruleId: f.ruleId, fixable: rule?.fix ?? 'none', hasFix: f.fix !== undefined, suggestions: f.suggestions.length };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    ...(rule ? { codeDescription: { href: rule.url } } : {}),
    source: SOURCE,
    message: f.message,
    data,
  };
}

export function problemDiagnostic(p: Problem): Diagnostic {
  return { range: p.range, severity: SEVERITY[p.severity], code: p.code, source: p.source, message: p.message };
}

export function unusedIgnoreDiagnostic(i: IgnoreId): Diagnostic {
  const why = i.rules.length === 0 ? `'${i.id}' does not name a Bulkhead rule` : `nothing here reports ${i.id}`;
  const data: UnusedIgnoreData = { unusedIgnore: i.id };
  return { range: i.range, severity: DiagnosticSeverity.Hint, tags: [DiagnosticTag.Unnecessary], code: 'unused-suppression', source: SOURCE, message: `Unused suppression: ${why}.`, data };
}

/** Bulkhead's own diagnostics for an analysis. */
export function engineDiagnostics(a: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of a.result.problems) if (!(p.code === 'skipped' && a.kind === 'unknown')) out.push(problemDiagnostic(p));
  for (const f of a.result.findings) out.push(findingDiagnostic(f));
  for (const i of a.ignoreIds) if (!i.used) out.push(unusedIgnoreDiagnostic(i));
  return out;
}

/** Engine diagnostics of an analysis plus the companions' (which skip files the engine skipped). */
export async function diagnosticsOf(ctx: ServerContext, doc: TextDocument, analysis: Analysis, token?: CancellationToken): Promise<Diagnostic[]> {
  const items = engineDiagnostics(analysis);
  if (!analysis.unreadable && analysis.settings.enable) {
    for (const c of ctx.companions) {
      if (!c.diagnostics) continue;
      if (token?.isCancellationRequested) break;
      try {
        items.push(...(await c.diagnostics(doc, analysis)));
      } catch (e) {
        ctx.connection.console.error(`Companion diagnostics failed for ${doc.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    }
  }
  return items;
}

/** Every diagnostic of an open document: engine, then companions. */
export async function computeDiagnostics(ctx: ServerContext, doc: TextDocument, token?: CancellationToken): Promise<{ analysis: Analysis; items: Diagnostic[] }> {
  const analysis = await ctx.analyses.get(doc);
  return { analysis, items: await diagnosticsOf(ctx, doc, analysis, token) };
}

/** Thrown for a pull whose document changed (or that the client cancelled) while it ran: VS Code re-pulls the newest version. */
export function stalePull(): ResponseError<DiagnosticServerCancellationData> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics of this version are stale.', { retriggerRequest: true });
}

/** Registers the diagnostics path and returns a function that re-validates every open document. */
export function registerDiagnostics(ctx: ServerContext): () => void {
  const { connection, documents } = ctx;
  for (const c of ctx.companions) (c as Partial<YamlCompanion>).setOpenDocuments?.((uri) => documents.get(uri) !== undefined);
  if (ctx.client.pullDiagnostics) {
    // Diagnostics that companions finish after a pull was answered (schema validation of edited
    // documents of a multi-document file): a new result id for the document, and a refresh so
    // the client pulls again. Without refresh support, companions answer in full every time.
    const lateRounds = new Map<string, number>();
    if (ctx.client.diagnosticRefresh) {
      for (const c of ctx.companions) {
        (c as Partial<YamlCompanion>).setLateListener?.((uri) => {
          lateRounds.set(uri, (lateRounds.get(uri) ?? 0) + 1);
          // Typed void, but a request: a client that refuses it must not leave a rejected promise.
          Promise.resolve(connection.languages.diagnostics.refresh() as unknown).catch(() => undefined);
        });
      }
    }
    connection.languages.diagnostics.on(async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = `${doc.version}@${ctx.settings.generation}.${lateRounds.get(doc.uri) ?? 0}.${ctx.workspaceFacts?.round(doc.uri) ?? 0}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      // A pull is stale when a newer version arrived (or the client gave up on it) while it waited
      // for settings, the lint or a companion: skip the rest and let the client pull again.
      // TextDocuments updates the document object in place, so the version is captured here.
      const version = doc.version;
      const stale = (): boolean => token.isCancellationRequested || documents.get(doc.uri)?.version !== version;
      await ctx.settings.get(doc.uri);
      if (stale()) throw stalePull();
      const analysis = await ctx.analyses.get(doc);
      if (stale()) throw stalePull();
      const items = await diagnosticsOf(ctx, doc, analysis, token);
      if (stale()) throw stalePull();
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    });
    documents.onDidClose((e) => {
      ctx.analyses.delete(e.document.uri);
      lateRounds.delete(e.document.uri);
    });
    return () => {
      if (ctx.client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
    };
  }
  const timers = new Map<string, NodeJS.Timeout>();
  const publish = async (uri: string): Promise<void> => {
    const doc = documents.get(uri);
    if (!doc) return;
    // TextDocuments updates the document object in place: capture the version being linted.
    const version = doc.version;
    const { items } = await computeDiagnostics(ctx, doc);
    // Never publish results for a version the editor has already moved past.
    if (documents.get(uri)?.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics: items });
  };
  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void publish(uri);
    }, delay));
  };
  // TextDocuments fires onDidOpen and then onDidChangeContent for an opened document: lint
  // opened documents at once, and debounce only real edits.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    schedule(e.document.uri, PUSH_DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    ctx.analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  return () => {
    for (const doc of documents.all()) schedule(doc.uri, 0);
  };
}
