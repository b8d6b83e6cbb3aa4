/**
 * The editor's workspace index (rules/src/engine/workspace.ts): Kubernetes facts of the open
 * documents (from each lint, so a keystroke costs a few small objects and one JSON comparison),
 * of the files a Lint Workspace run reads, of YAML files created or changed on disk (the
 * client's watcher) that may hold a NetworkPolicy or are kustomizations, and of a startup scan.
 *
 * The startup scan runs only once the client says the workspace is trusted
 * (`bulkhead/workspaceTrust`; VS Code's client sends it outside Restricted Mode), and only after
 * the first diagnostics: it walks each workspace folder (never node_modules or .git, nor what
 * `files.exclude`/`search.exclude` match), reads the YAML files as bytes one at a time (over the
 * size limit, `ignorePaths` or a disabled Bulkhead: not read) and parses only kustomizations
 * and files containing `NetworkPolicy` (the CLI pre-pass's prefilter, workspace-scan.ts) — every
 * YAML file when K8S056 is on for it, which needs the workloads. It gives way while the user
 * types, stops at SCAN_MAX_FILES / SCAN_MAX_ENTRIES, and a newer scan or shutdown cancels it.
 *
 * When a file's facts change, the documents whose lint may change with them (workloads or
 * policies in a namespace that changed, files that became or stopped being listed as patches)
 * are linted again: open ones get a new diagnostics result id and a refresh, followed files on
 * disk are re-linted by the workspace lint. */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { MAX_FILE_BYTES, RULES, kindFromName, resolveSeverity, type RuleSettings } from '../../../rules/src/api';
import { WorkspaceIndex, affectedBy, type WorkspaceChange, type WorkspaceReads } from '../../../rules/src/engine/workspace';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { factsOf, isKustomizationName, type FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import { WorkspaceTrustNotification } from '../../../protocol/src/protocol';
import type { ConfigResolver } from '../config/files';
import type { ServerContext } from '../context';
import { fileConfig, filePathOf, pathOf } from '../documents';
import { excludeMatchers, factFilesUnder, factsOfBytes, mayCarryFacts, type WalkCount } from '../workspace-scan';

/** Delay between a change of facts and the refresh of the documents it affects (facts change while typing). */
export const FACTS_REFRESH_MS = 100;

/** The startup scan reads at most this many files (all folders together). */
export const SCAN_MAX_FILES = 20_000;
/** …and looks at most at this many directory entries. */
export const SCAN_MAX_ENTRIES = 200_000;
/** The scan waits this long for the first diagnostics of the open documents before it starts anyway. */
export const SCAN_FIRST_DIAGNOSTICS_WAIT_MS = 2_000;
/** After an edit in an open document, the scan waits this long without edits. */
export const SCAN_EDIT_QUIET_MS = 150;

/** What a startup scan did (logged, and returned for tests). */
export interface ScanReport {
  folders: number;
  /** Files whose names may hold facts (YAML, JSON, kustomizations), found by the walk. */
  listed: number;
  /** Files read from disk. */
  read: number;
  /** Files parsed (kustomizations, `NetworkPolicy`, and all when K8S056 wants workloads). */
  parsed: number;
  /** Files with facts stored. */
  withFacts: number;
  truncated: boolean;
  cancelled: boolean;
  wallMs: number;
  /** CPU time of the whole server process meanwhile (user + system). */
  cpuMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
/** The rules that read other files' policies and workloads. */
const READS_POLICIES = RULES.find((r) => r.id === 'K8S055');
const READS_WORKLOADS = RULES.find((r) => r.id === 'K8S056');
const READS_NOTHING: WorkspaceReads = { policies: false, workloads: false };

/** The workspace index of one server, and who to tell when it changes. */
export class WorkspaceFacts {
  readonly index = new WorkspaceIndex();
  /** Per open document URI: how many times other files' changes made its diagnostics stale. */
  private readonly rounds = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Reads from disk per URI; a newer event supersedes an older read. */
  private readonly reads = new Map<string, number>();
  private readCount = 0;
  /** Per URI, what its last lint read of other files (the cross-file rules enabled for it). */
  private readonly readsOf = new Map<string, WorkspaceReads>();
  /** The client said the workspace is trusted: startup scans may run. */
  private trusted = false;
  /** Bumped by every scan start and stop: an older scan stops between two files. */
  private scanRun = 0;
  private lastEdit = -Infinity;
  private analysed = false;
  private analysedWaiters: (() => void)[] = [];

  /**
   * @param refresh re-pulls (or re-publishes) the open documents' diagnostics
   * @param relintFollowed re-lints the given files the workspace lint follows on disk; returns those it follows
   */
  constructor(
    private readonly ctx: ServerContext,
    private readonly configs: () => ConfigResolver,
    private readonly refresh: () => void,
    private readonly relintFollowed: (uris: readonly string[]) => void = () => undefined,
    private readonly followed: () => Iterable<string> = () => [],
  ) {}

  /** Bumped for a document whenever another file's change may change its lint (part of its diagnostics result id). */
  round(uri: string): number {
    return this.rounds.get(uri) ?? 0;
  }

  /** Records which cross-file rules ran on a document (`settings` undefined: it was not linted). */
  noteReads(uri: string, settings: RuleSettings | undefined): void {
    if (!settings) {
      this.readsOf.delete(uri);
      return;
    }
    const on = (rule: (typeof RULES)[number] | undefined): boolean => rule !== undefined && resolveSeverity(rule, settings) !== 'off';
    this.readsOf.set(uri, { policies: on(READS_POLICIES), workloads: on(READS_WORKLOADS) });
  }

  /** Stores a file's facts (empty facts remove it) and schedules the affected documents. */
  update(facts: FileFacts): void {
    const change = this.index.set(facts);
    if (change) this.changed(change);
  }

  /** Removes the facts of a path, or of every path under a folder path. */
  remove(path: string): void {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of this.index.paths()) {
      if (p !== path && !p.startsWith(prefix)) continue;
      const change = this.index.remove(p);
      if (change) this.changed(change);
    }
  }

  /**
   * The facts of a document whose lint reported none (not a manifest, excluded, disabled): a
   * kustomization's patch list, else nothing (so what it said before is forgotten).
   */
  fallback(path: string, text: string, linted: boolean): FileFacts {
    if (linted && isKustomizationName(path) && text.length <= MAX_FILE_BYTES) return factsOf(path, parseYaml(text));
    return { path, policies: [], workloads: [], patches: [] };
  }

  private changed(change: WorkspaceChange): void {
    const open: string[] = [];
    for (const doc of this.ctx.documents.all()) {
      const path = pathOf(doc.uri);
      if (!affectedBy(change, path, this.index.get(path), this.readsOf.get(doc.uri) ?? READS_NOTHING)) continue;
      this.rounds.set(doc.uri, this.round(doc.uri) + 1);
      this.ctx.analyses.invalidate(doc.uri);
      open.push(doc.uri);
    }
    const disk: string[] = [];
    for (const uri of this.followed()) {
      if (this.isOpen(uri)) continue;
      const path = pathOf(uri);
      if (affectedBy(change, path, this.index.get(path), this.readsOf.get(uri) ?? READS_NOTHING)) disk.push(uri);
    }
    if (disk.length > 0) this.relintFollowed(disk);
    if (open.length === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, FACTS_REFRESH_MS);
  }

  /**
   * Whether a document for this file is open. Compared by path, not by URI text: the scan makes
   * its URIs with pathToFileURL, while editors spell the same file differently (VS Code writes
   * `file:///c%3A/…` on Windows), and a disk read must never replace an open document's facts.
   */
  private isOpen(uri: string): boolean {
    if (this.ctx.documents.get(uri)) return true;
    const path = pathOf(uri);
    return this.ctx.documents.all().some((d) => pathOf(d.uri) === path);
  }

  /** A closed document: its facts come from the file on disk again (or go, for an unsaved one). */
  onClose(uri: string): void {
    this.rounds.delete(uri);
    this.readsOf.delete(uri);
    if (filePathOf(uri) === undefined) this.remove(pathOf(uri));
    else void this.readFromDisk(uri);
  }

  /**
   * File events from the client's watcher: facts of YAML files not open are read again or removed
   * (in a trusted workspace, with every workload when K8S056 is on, as the startup scan reads them).
   */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      if (this.isOpen(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.reads.delete(c.uri);
        this.remove(pathOf(c.uri).replace(/\/$/, ''));
      } else if (kindFromName(pathOf(c.uri)) === 'yaml') void this.readFromDisk(c.uri, this.trusted);
    }
  }

  /**
   * Reads a file's facts from disk: only files that may hold a NetworkPolicy, kustomizations and
   * files already known are parsed (every YAML file with `allWorkloads` when K8S056 is on for
   * it); files over the size limit or excluded are left out. Returns what it did.
   */
  private async readFromDisk(uri: string, allWorkloads = false): Promise<{ read: boolean; parsed: boolean; facts: boolean }> {
    const id = ++this.readCount;
    this.reads.set(uri, id);
    const path = filePathOf(uri);
    const done = { read: false, parsed: false, facts: false };
    if (path === undefined) return done;
    const key = pathOf(uri);
    let facts: FileFacts = { path: key, policies: [], workloads: [], patches: [] };
    try {
      const st = await stat(path);
      if (st.isFile() && st.size <= MAX_FILE_BYTES) {
        const root = this.configs().rootOf(path);
        const settings = await this.ctx.settings.get(root ? pathToFileURL(root).href : uri);
        const config = fileConfig(path, settings, this.configs());
        const bytes = settings.enable && !config.ignored ? await readFile(path) : undefined;
        done.read = bytes !== undefined;
        const workloads = allWorkloads && READS_WORKLOADS !== undefined && resolveSeverity(READS_WORKLOADS, config.settings) !== 'off';
        if (bytes && (workloads || mayCarryFacts(path, bytes) || this.index.get(key) !== undefined)) {
          done.parsed = true;
          facts = factsOfBytes(key, bytes) ?? facts;
        }
      }
    } catch {
      // Gone or unreadable: no facts.
    }
    // Opened, deleted or changed again meanwhile: the newer source decides.
    if (this.reads.get(uri) !== id || this.isOpen(uri)) return done;
    this.reads.delete(uri);
    done.facts = facts.policies.length + facts.workloads.length + facts.patches.length > 0;
    this.update(facts);
    return done;
  }

  /** Called on every edit of an open document: the scan gives way. */
  noteEdit(): void {
    this.lastEdit = performance.now();
  }

  /** Called after every analysis: the first one lets a waiting scan start. */
  noteAnalysed(): void {
    if (this.analysed) return;
    this.analysed = true;
    for (const w of this.analysedWaiters.splice(0)) w();
  }

  /** Waits for the first diagnostics when documents are open and none was computed yet (bounded). */
  private async afterFirstDiagnostics(): Promise<void> {
    if (this.analysed || this.ctx.documents.all().length === 0) return;
    await Promise.race([new Promise<void>((r) => this.analysedWaiters.push(r)), sleep(SCAN_FIRST_DIAGNOSTICS_WAIT_MS)]);
  }

  private async giveWay(): Promise<void> {
    await turn();
    for (;;) {
      const wait = this.lastEdit + SCAN_EDIT_QUIET_MS - performance.now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  /** The client said whether the workspace is trusted; a first trust starts a scan of `roots`. */
  setTrusted(trusted: boolean, roots: readonly string[], canPullConfiguration: boolean): void {
    const was = this.trusted;
    this.trusted = trusted;
    if (!trusted) this.stopScan();
    else if (!was) void this.scan(roots, canPullConfiguration);
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** Stops a running scan between two files (shutdown, or a newer scan). */
  stopScan(): void {
    this.scanRun++;
  }

  /** `files.exclude` and `search.exclude` of a folder, as matchers (none when the client cannot answer). */
  private async excludesOf(root: string, canPull: boolean): Promise<RegExp[]> {
    if (!canPull) return [];
    try {
      const scopeUri = pathToFileURL(root).href;
      const raw: unknown = await this.ctx.connection.workspace.getConfiguration([
        { scopeUri, section: 'files.exclude' },
        { scopeUri, section: 'search.exclude' },
      ]);
      return Array.isArray(raw) ? excludeMatchers(...(raw as unknown[])) : [];
    } catch {
      return [];
    }
  }

  /**
   * Scans workspace folders for the facts of files not open (when trusted): after the first
   * diagnostics, one file at a time, giving way to typing. A newer scan or stopScan() cancels it.
   * Returns undefined when untrusted.
   */
  async scan(roots: readonly string[], canPullConfiguration: boolean): Promise<ScanReport | undefined> {
    if (!this.trusted) return undefined;
    const run = ++this.scanRun;
    const stopped = (): boolean => run !== this.scanRun;
    await this.afterFirstDiagnostics();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report: ScanReport = { folders: roots.length, listed: 0, read: 0, parsed: 0, withFacts: 0, truncated: false, cancelled: false, wallMs: 0, cpuMs: 0 };
    const count: WalkCount = { entries: 0, files: 0, truncated: false };
    for (const root of roots) {
      if (stopped()) break;
      const exclude = await this.excludesOf(root, canPullConfiguration);
      for await (const file of factFilesUnder(root, exclude, { maxFiles: SCAN_MAX_FILES, maxEntries: SCAN_MAX_ENTRIES }, count, stopped)) {
        await this.giveWay();
        if (stopped()) break;
        const uri = pathToFileURL(file).href;
        if (this.isOpen(uri)) continue;
        const r = await this.readFromDisk(uri, true);
        if (r.read) report.read++;
        if (r.parsed) report.parsed++;
        if (r.facts) report.withFacts++;
      }
      if (count.truncated) break;
    }
    const used = process.cpuUsage(cpu);
    report.listed = count.files;
    report.truncated = count.truncated;
    report.cancelled = stopped();
    report.wallMs = Math.round(performance.now() - started);
    report.cpuMs = Math.round((used.user + used.system) / 1000);
    // A scan replaced by a newer one before it read anything (settings arriving at startup) says nothing.
    if (report.cancelled && report.read === 0) return report;
    const limit = report.truncated ? ` (stopped at the limit of ${SCAN_MAX_FILES} files / ${SCAN_MAX_ENTRIES} entries: facts of the rest come from opened and linted files)` : '';
    this.ctx.connection.console.info(
      `Workspace scan${report.cancelled ? ' (cancelled)' : ''}: ${report.listed} files listed in ${report.folders} folders, ${report.read} read, ${report.parsed} parsed, ${report.withFacts} with Kubernetes facts; ${report.wallMs} ms, ${report.cpuMs} ms CPU${limit}`,
    );
    return report;
  }
}

/**
 * Wires document closes and edits, the client's trust notification (a trusted workspace starts
 * the startup scan of `roots()`) and shutdown (stops it).
 */
export function registerWorkspaceFacts(ctx: ServerContext, facts: WorkspaceFacts, roots: () => readonly string[], canPullConfiguration: () => boolean): void {
  ctx.documents.onDidClose((e) => facts.onClose(e.document.uri));
  ctx.documents.onDidChangeContent(() => facts.noteEdit());
  ctx.connection.onNotification(WorkspaceTrustNotification.type, (p) => facts.setTrusted(p?.trusted === true, roots(), canPullConfiguration()));
  ctx.connection.onShutdown(() => facts.stopScan());
}
