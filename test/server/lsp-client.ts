/**
 * A minimal LSP client for tests: starts the BUILT server (`node server/out/server.js --stdio`)
 * as a child process and speaks JSON-RPC over its stdio. Waits are promise-based with timeouts,
 * never fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = join(__dirname, '..', '..');
export const serverModule = join(repoRoot, 'server', 'out', 'server.js');

/** Capabilities of a plain editor that only understands push diagnostics. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

/** The same plus pull diagnostics and diagnostic refresh (what VS Code announces). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  /** Value returned for the `bulkhead` section of workspace/configuration. */
  settings: Record<string, unknown> = {};
  /** Settings per scope URI prefix (a workspace folder), over `settings`; the longest matching prefix wins. */
  readonly scopedSettings = new Map<string, Record<string, unknown>>();

  private settingsFor(scopeUri: string | undefined): Record<string, unknown> {
    let best: string | undefined;
    for (const k of this.scopedSettings.keys()) if (scopeUri?.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
    return best === undefined ? this.settings : { ...this.settings, ...this.scopedSettings.get(best) };
  }

  /** Every publishDiagnostics received, in order. */
  readonly allPublished: PublishDiagnosticsParams[] = [];

  /** Last published diagnostics of a URI (undefined when none was ever published). */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri);
  }

  /** Last `bulkhead/status` notification per document URI. */
  readonly statuses = new Map<string, Record<string, unknown>>();
  /** Count of workspace/diagnostic/refresh requests received. */
  refreshes = 0;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private refreshWaiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.allPublished.push(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.accept(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.connection.onNotification('bulkhead/status', (p: Record<string, unknown>) => this.statuses.set(String(p['uri']), p));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', async (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests++;
      if (this.configurationGate) await this.configurationGate;
      return p.items.map((i) => (i.section === 'bulkhead' ? this.settingsFor(i.scopeUri) : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      const ws = this.refreshWaiters;
      this.refreshWaiters = [];
      for (const w of ws) w();
      return null;
    });
    this.connection.listen();
  }

  /**
   * When set, workspace/configuration answers wait for this promise (to hold a request inside
   * the server while the test changes the document).
   */
  configurationGate: Promise<void> | undefined;
  /** Count of workspace/configuration requests received. */
  configurationRequests = 0;

  /** Starts the built server and completes the initialize handshake. */
  static async start(capabilities: ClientCapabilities = PUSH_CAPABILITIES, module = serverModule, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<TestClient> {
    if (!existsSync(module)) throw new Error(`${module} is missing: run node esbuild.mjs first`);
    const child = spawn(process.execPath, [module, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new TestClient(child);
    const init: { capabilities: Record<string, unknown> } = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders });
    client.initializeResult = init;
    client.connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: { capabilities: Record<string, unknown> } = { capabilities: {} };

  /** Sends a request and fails after `timeoutMs`. */
  request<R>(method: string, params: unknown, timeoutMs = 10_000): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, `${method} got no response`);
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Resolves with the first publishDiagnostics for `uri` that satisfies `accept` (already received ones count). */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const have = this.published.get(uri);
    if (have && accept(have)) return Promise.resolve(have);
    const p = new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ uri, accept, resolve }));
    return withTimeout(p, timeoutMs, `no matching diagnostics for ${uri}; last: ${JSON.stringify(this.published.get(uri)?.diagnostics.map((d) => d.code))}`);
  }

  /** Waits for diagnostics of the document's current version. */
  diagnosticsOfCurrentVersion(uri: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const v = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === v, timeoutMs).then((p) => p.diagnostics);
  }

  waitForRefresh(timeoutMs = 10_000): Promise<void> {
    return withTimeout(new Promise<void>((resolve) => this.refreshWaiters.push(resolve)), timeoutMs, 'no workspace/diagnostic/refresh');
  }

  /** Shuts the server down and waits for its exit code. */
  async stop(): Promise<number | null> {
    try {
      await this.request('shutdown', null, 5_000);
      void this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await withTimeout(this.exited, 5_000, 'server did not exit').catch(() => {
      this.child.kill('SIGKILL');
      return null;
    });
    this.connection.dispose();
    return code;
  }

  /** CPU time (user + system) the server process used so far, in ms; undefined where /proc is missing. */
  cpuMs(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${message}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
