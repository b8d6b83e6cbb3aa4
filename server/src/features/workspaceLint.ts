/**
 * Workspace lint: diagnostics for files on disk that are not open in the editor. The client finds
 * the files (VS Code's own search, with files.exclude/search.exclude) and sends them in chunks
 * with `bulkhead/lintFiles`; the server reads, lints and publishes them with
 * textDocument/publishDiagnostics, then follows them: a change on disk re-lints, a delete
 * clears, a config or settings change re-lints all, until `bulkhead/clearWorkspace`.
 *
 * Open documents keep priority: files are linted one at a time with a turn of the event loop
 * between them, and after an edit the workspace lint pauses until typing has been quiet for
 * EDIT_QUIET_MS. An open file is never linted from disk (its diagnostics come from the editor's
 * text); when it closes, its disk diagnostics come back.
 *
 * Files are read ahead of the one being linted, and the lint may wait while the user types, so a
 * file can change or vanish on disk between its read and its lint: it is followed from the start
 * of its read (the change re-lints it, the delete clears it), and a lint publishes only if its
 * read is still the file's newest, never the problems of text that is gone.
 *
 * Why not LSP 3.17 `workspace/diagnostic`: vscode-languageclient 9 starts that pull by itself as
 * soon as the capability is announced and repeats it every 2 s forever (a long-poll the server
 * must hold open), with no user-visible progress or cancel and no way to say "stop" short of
 * unregistering; the server would also have to walk the disk itself without VS Code's
 * files.exclude/search.exclude semantics. Publishing for files that are not open is plain
 * publishDiagnostics, which every client handles, and the chunked custom request gives the
 * client progress and cancel for free.
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type CancellationToken, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES, kindFromName } from '../../../rules/src/api';
import { LintFilesRequest, ClearWorkspaceRequest, type LintFilesResult, type SkippedFile } from '../../../protocol/src/protocol';
import type { ConfigResolver } from '../config/files';
import type { ServerContext } from '../context';
import { analyse, filePathOf } from '../documents';
import { classifyName } from '../cli/files';
import { SOURCE, diagnosticsOf } from './diagnostics';

/** Files read from disk ahead of the one being linted. */
export const READ_AHEAD = 8;
/** After an edit in an open document, the workspace lint waits this long without edits. */
export const EDIT_QUIET_MS = 150;
/** Delay before re-linting a file that changed on disk (editors often write twice). */
export const DISK_CHANGE_DEBOUNCE_MS = 50;

type Read = { uri: string; text: string; path: string } | { uri: string; skip: string; diagnostic?: Diagnostic } | { uri: string; gone: true };
/** A read under way: `id` orders reads of the same file; `added` when it started following the file. */
type PendingRead = { uri: string; read: Promise<Read>; id: number; added: boolean };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

async function readForLint(uri: string): Promise<Read> {
  const path = filePathOf(uri);
  if (!path) return { uri, skip: 'Not a file on disk.' };
  try {
    const st = await stat(path);
    if (!st.isFile()) return { uri, gone: true };
    if (st.size > MAX_FILE_BYTES) {
      const reason = `Not linted: the file is ${mb(st.size)} MB, over Bulkhead's ${mb(MAX_FILE_BYTES)} MB limit.`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { uri, skip: reason, diagnostic: { range, severity: DiagnosticSeverity.Information, source: SOURCE, code: 'skipped', message: reason } };
    }
    return { uri, path, text: await readFile(path, 'utf8') };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { uri, gone: true };
    return { uri, skip: `Cannot read the file: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export class WorkspaceLinter {
  /** Files the workspace lint follows on disk. */
  private readonly tracked = new Set<string>();
  /** Files with disk diagnostics currently shown. */
  private readonly published = new Set<string>();
  /** Bumped by clear(): work started before a clear publishes nothing. */
  private generation = 0;
  /** Bumped by relintAll(): a newer full re-lint supersedes an older one. */
  private relintRun = 0;
  private lastEdit = -Infinity;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * The newest read of each followed file. A lint publishes only while its read is still the
   * newest: a change on disk after a read starts a newer one, a delete removes the entry, so the
   * lint of text read before either (reads run ahead, and wait while the user types) is dropped.
   */
  private readonly newestRead = new Map<string, number>();
  private reads = 0;

  constructor(
    private readonly ctx: ServerContext,
    private readonly configs: () => ConfigResolver,
    private readonly onRuleError: (uri: string, ruleId: string, error: unknown) => void,
  ) {}

  /** Files followed on disk (for tests and the status). */
  get size(): number {
    return this.tracked.size;
  }

  /** Called on every edit of an open document: the workspace lint gives way. */
  noteEdit(): void {
    this.lastEdit = performance.now();
  }

  private async giveWay(): Promise<void> {
    await turn();
    for (;;) {
      const wait = this.lastEdit + EDIT_QUIET_MS - performance.now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }

  private forget(uri: string): void {
    this.tracked.delete(uri);
    this.newestRead.delete(uri);
    this.publish(uri, []);
  }

  /** Starts reading a file; a change or delete reported from now on supersedes this read. */
  private startRead(uri: string, follow: boolean): PendingRead {
    const id = ++this.reads;
    this.newestRead.set(uri, id);
    const added = follow && !this.tracked.has(uri);
    if (follow) this.tracked.add(uri);
    return { uri, read: readForLint(uri), id, added };
  }

  /** A stopped lint does not follow the files it read ahead but never linted (unless followed before). */
  private dropUnlinted(pending: readonly PendingRead[]): void {
    for (const p of pending) {
      if (!p.added || this.newestRead.get(p.uri) !== p.id) continue;
      this.tracked.delete(p.uri);
      this.newestRead.delete(p.uri);
    }
  }

  /** The URI whose settings apply to a file on disk: its workspace folder (VS Code resolves resource settings per folder). */
  private scopeOf(path: string, uri: string): string {
    const root = this.configs().rootOf(path);
    return root ? pathToFileURL(root).href : uri;
  }

  /** Lints one read file; returns the number of diagnostics published, or the reason it was skipped. */
  private async lintRead(r: Read, generation: number, id: number): Promise<{ problems: number; skipped?: string; open?: true }> {
    if (this.ctx.documents.get(r.uri)) return { problems: 0, open: true };
    const superseded = (): boolean => this.newestRead.get(r.uri) !== id;
    if (superseded()) return { problems: 0 };
    if ('gone' in r) {
      this.forget(r.uri);
      return { problems: 0, skipped: 'The file no longer exists.' };
    }
    if ('skip' in r) {
      if (generation === this.generation) this.publish(r.uri, r.diagnostic ? [r.diagnostic] : []);
      return { problems: r.diagnostic ? 1 : 0, skipped: r.skip };
    }
    // Names that only contain "Dockerfile" (app_Dockerfile, Dockerfile-alpine.template) are Dockerfiles, as in the CLI.
    const languageId = classifyName(r.path).languageId ?? (kindFromName(r.path) === 'dockerfile' ? 'dockerfile' : 'yaml');
    const doc = TextDocument.create(r.uri, languageId, 0, r.text);
    const settings = await this.ctx.settings.get(this.scopeOf(r.path, r.uri));
    const a = analyse(doc, settings, (ruleId, error) => this.onRuleError(r.uri, ruleId, error), this.configs(), undefined, this.ctx.workspaceFacts);
    const items = await diagnosticsOf(this.ctx, doc, a);
    // Cleared meanwhile, opened in the editor (whose text now decides), or changed or deleted on disk.
    if (generation !== this.generation || this.ctx.documents.get(r.uri) || superseded()) return { problems: 0 };
    this.publish(r.uri, items);
    const skipped = a.excluded ?? (a.result.problems.some((p) => p.code === 'skipped') ? a.result.skipped : undefined);
    return { problems: items.length, ...(skipped !== undefined ? { skipped } : {}) };
  }

  /** Lints files on disk in order, READ_AHEAD reads in flight, one lint at a time. */
  async lintFiles(uris: readonly string[], cancelled: () => boolean = () => false, follow = true): Promise<LintFilesResult> {
    const started = performance.now();
    const generation = this.generation;
    const result: LintFilesResult = { linted: 0, open: 0, skipped: [], problems: 0, cancelled: false, durationMs: 0 };
    const reads: PendingRead[] = [];
    const unique = [...new Set(uris)];
    for (let i = 0; i < unique.length; i++) {
      if (cancelled() || generation !== this.generation) {
        result.cancelled = true;
        this.dropUnlinted(reads.slice(i));
        break;
      }
      // A file is followed from the start of its read, so a change reported while it waits is not lost.
      for (let j = reads.length; j < Math.min(unique.length, i + READ_AHEAD); j++) reads.push(this.startRead(unique[j]!, follow && generation === this.generation));
      await this.giveWay();
      const { read, id } = reads[i]!;
      const r = await read;
      const done = await this.lintRead(r, generation, id);
      result.problems += done.problems;
      if (done.open) result.open++;
      else if (done.skipped !== undefined) result.skipped.push({ uri: r.uri, reason: done.skipped } satisfies SkippedFile);
      else result.linted++;
    }
    result.durationMs = Math.round(performance.now() - started);
    return result;
  }

  /** Stops following every file and clears their problems. */
  clear(): number {
    this.generation++;
    const cleared = this.published.size;
    for (const uri of [...this.published]) this.publish(uri, []);
    this.tracked.clear();
    this.newestRead.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    return cleared;
  }

  /** Re-lints every followed file (config file, settings or workspace folders changed). */
  relintAll(): void {
    if (this.tracked.size === 0) return;
    const run = ++this.relintRun;
    void this.lintFiles([...this.tracked], () => run !== this.relintRun);
  }

  /** Files followed on disk. */
  followedFiles(): string[] {
    return [...this.tracked];
  }

  /** Re-lints those of `uris` that are followed (other files changed what their lint says). */
  relint(uris: readonly string[]): void {
    for (const uri of uris) if (this.tracked.has(uri)) this.relintSoon(uri);
  }

  private relintSoon(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      if (this.tracked.has(uri)) void this.lintFiles([uri]);
    }, DISK_CHANGE_DEBOUNCE_MS));
  }

  /** File events from the client's watcher: followed files are re-linted or cleared. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      if (c.type === FileChangeType.Deleted) {
        // A deleted folder may be reported once, for the folder itself.
        const prefix = c.uri.endsWith('/') ? c.uri : `${c.uri}/`;
        for (const uri of [...this.tracked]) {
          if (uri === c.uri || uri.startsWith(prefix)) {
            clearTimeout(this.timers.get(uri));
            this.forget(uri);
          }
        }
      } else if (this.tracked.has(c.uri)) this.relintSoon(c.uri);
    }
  }

  /** A workspace folder was removed: stop following its files and clear their problems. */
  forgetFolder(folderUri: string): void {
    this.onWatchedFiles([{ uri: folderUri.replace(/\/$/, ''), type: FileChangeType.Deleted }]);
  }

  /** An open document takes over from its disk diagnostics. */
  onOpen(uri: string): void {
    if (!this.published.has(uri)) return;
    // Pull clients keep pushed and pulled diagnostics apart: clear the disk copy. Push clients replace it.
    if (this.ctx.client.pullDiagnostics) this.publish(uri, []);
    else this.published.delete(uri);
  }

  /** A closed document that the workspace lint follows gets its disk diagnostics back. */
  onClose(uri: string): void {
    if (this.tracked.has(uri)) this.relintSoon(uri);
  }
}

/** Wires the requests and document events. */
export function registerWorkspaceLint(ctx: ServerContext, linter: WorkspaceLinter): void {
  ctx.connection.onRequest(LintFilesRequest.type, (params, token: CancellationToken) => {
    const files = Array.isArray(params?.files) ? params.files.filter((f): f is string => typeof f === 'string') : [];
    return linter.lintFiles(files, () => token.isCancellationRequested);
  });
  ctx.connection.onRequest(ClearWorkspaceRequest.type, () => ({ cleared: linter.clear() }));
  ctx.documents.onDidChangeContent(() => linter.noteEdit());
  ctx.documents.onDidOpen((e) => linter.onOpen(e.document.uri));
  ctx.documents.onDidClose((e) => linter.onClose(e.document.uri));
}
