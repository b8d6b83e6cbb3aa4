// A minimal LSP client over stdio for the benchmarks and the resilience tests: starts the built
// server (server/out/server.js --stdio), answers the requests a server may send, and turns
// diagnostics into promises. Works with push (publishDiagnostics) and pull (textDocument/diagnostic).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './common.mjs';

const require = createRequire(join(REPO, 'package.json'));
const rpc = require('vscode-jsonrpc/node');

export const SERVER = join(REPO, 'server', 'out', 'server.js');

/** Peak and current resident set size of a process in MB (Linux /proc), or undefined. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => {
      const m = status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'));
      return m ? Number(m[1]) : NaN;
    };
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc, 100 ticks per second), or NaN. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

export class LspClient {
  /** Spawns the server; `t0` is the spawn time (performance.now()). */
  constructor(serverPath = SERVER, settings = {}, nodeArgs = []) {
    this.t0 = performance.now();
    this.proc = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => {
      this.stderr += d.toString();
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.settings = settings;
    /** uri → { version, diagnostics, at } of the last publish. */
    this.published = new Map();
    /** uri → [{ minVersion, resolve }] waiting for a publish. */
    this.waiters = new Map();
    this.logs = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => this.onPublish(p));
    this.conn.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    this.conn.onNotification(() => undefined);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((it) => (it.section === undefined || it.section === 'bulkhead' ? this.settings : null)));
    // Like VS Code: a refresh asks for the open documents' diagnostics again (listeners re-pull).
    this.refreshCount = 0;
    this.refreshListeners = [];
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshCount++;
      for (const l of this.refreshListeners) l(performance.now());
      return null;
    });
    this.conn.onRequest(() => null);
    this.conn.onError(() => undefined);
    this.conn.onClose(() => undefined);
    this.conn.listen();
    this.versions = new Map();
    this.texts = new Map();
  }

  onPublish(p) {
    const at = performance.now();
    this.published.set(p.uri, { version: p.version, diagnostics: p.diagnostics, at });
    const list = this.waiters.get(p.uri);
    if (!list) return;
    const keep = [];
    for (const w of list) {
      // Without a version in the notification, any publish after the change counts.
      if (p.version === undefined || p.version === null || p.version >= w.minVersion) w.resolve({ at, diagnostics: p.diagnostics });
      else keep.push(w);
    }
    if (keep.length) this.waiters.set(p.uri, keep);
    else this.waiters.delete(p.uri);
  }

  async initialize() {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
        workspace: { configuration: true, diagnostics: { refreshSupport: !process.env.BENCH_NO_REFRESH }, workspaceFolders: false },
      },
    });
    this.capabilities = result.capabilities ?? {};
    this.pull = Boolean(this.capabilities.diagnosticProvider);
    const sync = this.capabilities.textDocumentSync;
    this.incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    await this.conn.sendNotification('initialized', {});
    return this.capabilities;
  }

  /** Resolves with the next diagnostics for `uri` at version ≥ minVersion (push), or rejects after `timeoutMs`. */
  waitPublish(uri, minVersion, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${minVersion} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({ minVersion, resolve: (v) => { clearTimeout(timer); resolve(v); } });
      this.waiters.set(uri, list);
    });
  }

  /** Pulls diagnostics for `uri`; resolves with { at, diagnostics } (rejects when cancelled through `token`). */
  async pullDiagnostics(uri, token) {
    const params = { textDocument: { uri } };
    const r = await (token ? this.conn.sendRequest('textDocument/diagnostic', params, token) : this.conn.sendRequest('textDocument/diagnostic', params));
    return { at: performance.now(), diagnostics: r?.items ?? [] };
  }

  /** A cancellation source for `pullDiagnostics`. */
  cancellation() {
    return new rpc.CancellationTokenSource();
  }

  /** Diagnostics for the current version of `uri`, by whichever model the server implements. */
  diagnosticsFor(uri, timeoutMs = 10000) {
    if (this.pull) return this.pullDiagnostics(uri);
    return this.waitPublish(uri, this.versions.get(uri) ?? 0, timeoutMs);
  }

  open(uri, languageId, text) {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Inserts `insert` at `offset` after deleting `deleteCount` characters; returns the new version. */
  edit(uri, offset, deleteCount, insert) {
    const text = this.texts.get(uri);
    const version = (this.versions.get(uri) ?? 0) + 1;
    const next = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
    this.versions.set(uri, version);
    this.texts.set(uri, next);
    const change = this.incremental ? { range: { start: positionAt(text, offset), end: positionAt(text, offset + deleteCount) }, text: insert } : { text: next };
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  close(uri) {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 2000);
    await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

/** LSP position (0-based line, UTF-16 character) of an offset, for LF or CRLF text. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
