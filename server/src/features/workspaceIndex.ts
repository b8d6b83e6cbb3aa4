/**
 * The editor's workspace index (rules/src/engine/workspace.ts): Kubernetes facts of the open
 * documents (from each lint, so a keystroke costs a few small objects and one JSON comparison),
 * of the files a Lint Workspace run reads, and of YAML files created or changed on disk (the
 * client's watcher) that may hold a NetworkPolicy or are kustomizations. There is no scan of the
 * workspace of its own: a policy in a file that was never opened, linted or touched since the
 * server started is not known (see K8S055's docs).
 *
 * When a file's facts change, the documents whose lint may change with them (workloads or
 * policies in a namespace that changed, files that became or stopped being listed as patches)
 * are linted again: open ones get a new diagnostics result id and a refresh, followed files on
 * disk are re-linted by the workspace lint.
 */
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { MAX_FILE_BYTES, RULES, kindFromName, resolveSeverity, type RuleSettings } from '../../../rules/src/api';
import { WorkspaceIndex, affectedBy, type WorkspaceChange, type WorkspaceReads } from '../../../rules/src/engine/workspace';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { objectsOf } from '../../../rules/src/model/kubernetes/workloads';
import { factsOf, isKustomizationName, type FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import type { ConfigResolver } from '../config/files';
import type { ServerContext } from '../context';
import { fileConfig, filePathOf, pathOf } from '../documents';

/** Delay between a change of facts and the refresh of the documents it affects (facts change while typing). */
export const FACTS_REFRESH_MS = 100;

const NEEDLE = Buffer.from('NetworkPolicy');
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
      if (this.ctx.documents.get(uri)) continue;
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

  /** A closed document: its facts come from the file on disk again (or go, for an unsaved one). */
  onClose(uri: string): void {
    this.rounds.delete(uri);
    this.readsOf.delete(uri);
    if (filePathOf(uri) === undefined) this.remove(pathOf(uri));
    else void this.readFromDisk(uri);
  }

  /** File events from the client's watcher: facts of YAML files not open are read again or removed. */
  onWatchedFiles(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      if (this.ctx.documents.get(c.uri)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.reads.delete(c.uri);
        this.remove(pathOf(c.uri).replace(/\/$/, ''));
      } else if (kindFromName(pathOf(c.uri)) === 'yaml') void this.readFromDisk(c.uri);
    }
  }

  /**
   * Reads a file's facts from disk: only files that may hold a NetworkPolicy, kustomizations and
   * files already known are parsed; files over the size limit or excluded are left out.
   */
  private async readFromDisk(uri: string): Promise<void> {
    const id = ++this.readCount;
    this.reads.set(uri, id);
    const path = filePathOf(uri);
    if (path === undefined) return;
    const key = pathOf(uri);
    let facts: FileFacts = { path: key, policies: [], workloads: [], patches: [] };
    try {
      const st = await stat(path);
      if (st.isFile() && st.size <= MAX_FILE_BYTES) {
        const root = this.configs().rootOf(path);
        const settings = await this.ctx.settings.get(root ? pathToFileURL(root).href : uri);
        const config = fileConfig(path, settings, this.configs());
        const bytes = settings.enable && !config.ignored ? await readFile(path) : undefined;
        if (bytes && (isKustomizationName(path) || bytes.includes(NEEDLE) || this.index.get(key) !== undefined) && !bytes.includes(0)) {
          let text = bytes.toString('utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          const file = parseYaml(text);
          facts = factsOf(key, file, objectsOf(file, key));
        }
      }
    } catch {
      // Gone or unreadable: no facts.
    }
    // Opened, deleted or changed again meanwhile: the newer source decides.
    if (this.reads.get(uri) !== id || this.ctx.documents.get(uri)) return;
    this.reads.delete(uri);
    this.update(facts);
  }
}

/** Wires document closes and watched-file events to the index. */
export function registerWorkspaceFacts(ctx: ServerContext, facts: WorkspaceFacts): void {
  ctx.documents.onDidClose((e) => facts.onClose(e.document.uri));
}
