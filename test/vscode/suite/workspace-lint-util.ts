/**
 * Helpers of the workspace-lint suite: the CLI's findings for the corpus copy, the editor's
 * diagnostics for the same files, the notifications the workbench showed (recorded by the runner),
 * and bounded, event-driven waits.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_WAIT_MS, EXTENSION_ID, codeOf } from './util';

/**
 * Diagnostics only the editor shows, so the CLI has no counterpart: Dockerfile syntax checks
 * (dockerfile-utils) and schema validation of manifests (bulkhead-schema) come from the
 * language server's companions, and unused-suppression hints only make sense in an editor.
 */
export const EDITOR_ONLY_SOURCES: ReadonlySet<string> = new Set(['dockerfile-utils', 'bulkhead-schema']);
export const EDITOR_ONLY_CODES: ReadonlySet<string> = new Set(['unused-suppression']);

/** Per file (path relative to the corpus copy, `/`-separated): sorted `code@line:column severity` keys, 1-based. */
export type Keys = Map<string, string[]>;

interface CliPosition {
  readonly line: number;
  readonly column: number;
  readonly severity: string;
}

/** The CLI's severity names for VS Code's DiagnosticSeverity values. */
const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};
interface CliReport {
  readonly files: readonly { path: string; findings: readonly (CliPosition & { ruleId: string })[]; problems: readonly (CliPosition & { code: string })[] }[];
  readonly summary: { filesRead: number; filesChecked: number };
}

/** The CLI built with the extension under test (the staged extension carries server/out/cli.js). */
function cliPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return join(ext.extensionPath, 'server', 'out', 'cli.js');
}

/** Runs `bulkhead lint --format json` over `dir`; resolves with its findings and problems per file. */
export function cliKeys(dir: string): Promise<{ keys: Keys; filesRead: number; filesChecked: number }> {
  return new Promise((resolve, reject) => {
    // ELECTRON_RUN_AS_NODE: the extension host of VS Code desktop runs in Electron's binary.
    const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
    execFile(process.execPath, [cliPath(), 'lint', '--format', 'json', '--fail-on', 'none', '.'], { cwd: dir, env, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`bulkhead lint failed: ${err.message}\n${stderr}`));
      try {
        const report = JSON.parse(stdout) as CliReport;
        const keys: Keys = new Map();
        for (const f of report.files) {
          const list = [...f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column} ${x.severity}`), ...f.problems.map((x) => `${x.code}@${x.line}:${x.column} ${x.severity}`)];
          if (list.length > 0) keys.set(f.path.split(sep).join('/'), list.sort());
        }
        resolve({ keys, filesRead: report.summary.filesRead, filesChecked: report.summary.filesChecked });
      } catch (e) {
        reject(new Error(`bulkhead lint printed no JSON report: ${e instanceof Error ? e.message : String(e)}\n${stderr}`));
      }
    });
  });
}

/** The corpus-relative path of a URI, or undefined outside the corpus copy. */
export function corpusPath(dir: string, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== 'file') return undefined;
  const rel = relative(dir, uri.fsPath);
  return rel === '' || rel.startsWith('..') ? undefined : rel.split(sep).join('/');
}

/** The editor's diagnostics under `dir`, as CLI-comparable keys, plus how many editor-only ones were left out. */
export function editorKeys(dir: string): { keys: Keys; editorOnly: number } {
  const keys: Keys = new Map();
  let editorOnly = 0;
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    const rel = corpusPath(dir, uri);
    if (rel === undefined) continue;
    const list: string[] = [];
    for (const d of diags) {
      const code = codeOf(d) ?? '?';
      if (EDITOR_ONLY_SOURCES.has(d.source ?? '') || EDITOR_ONLY_CODES.has(code)) editorOnly++;
      else list.push(`${code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity]}`);
    }
    if (list.length > 0) keys.set(rel, list.sort());
  }
  return { keys, editorOnly };
}

/** Files whose keys differ, each described on one line (empty when the two agree). */
export function differences(editor: Keys, cli: Keys): string[] {
  const out: string[] = [];
  for (const file of [...new Set([...editor.keys(), ...cli.keys()])].sort()) {
    const e = editor.get(file) ?? [];
    const c = cli.get(file) ?? [];
    if (e.join() === c.join()) continue;
    const onlyEditor = e.filter((k) => !c.includes(k));
    const onlyCli = c.filter((k) => !e.includes(k));
    out.push(`${file}: editor ${e.length}, CLI ${c.length}; only in the editor [${onlyEditor.slice(0, 5).join(' ')}], only in the CLI [${onlyCli.slice(0, 5).join(' ')}]`);
  }
  return out;
}

/** Rejects after `ms` with a message naming what did not finish. */
export function withTimeout<T>(p: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(p).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms))),
  ]);
}

/**
 * Resolves once `ready()` returns a value (not undefined), checking now and on every diagnostics
 * change; rejects after `timeoutMs` with `describe()`'s account of the state.
 */
export function waitForDiagnosticsState<T>(ready: () => T | undefined, describe: () => string, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const v = ready();
      if (v === undefined) return;
      cleanup();
      resolve(v);
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${describe()}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** A notification text the workbench showed, with when (ms since the epoch). */
export interface ShownNotification {
  readonly t: number;
  readonly text: string;
}

/** The file the runner appends the workbench's notification texts to (see harness.recordNotifications). */
export function notificationLog(): string | undefined {
  return process.env['BULKHEAD_SUITE_NOTIFICATIONS'] || undefined;
}

/** Notifications the page showed from `since` (ms since the epoch, page clock = this machine's) on. */
export function notificationsSince(file: string, since: number): ShownNotification[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ShownNotification)
    .filter((n) => n.t >= since);
}

/**
 * Waits until the notifications shown since `since` satisfy `accept` (the page reports them
 * through the runner, so they land a little after the workbench shows them). The log is checked
 * every 50 ms; resolves at once when it already does, rejects after `timeoutMs`.
 */
export async function waitForNotifications(file: string, since: number, accept: (shown: ShownNotification[]) => boolean, what: string, timeoutMs = 10_000): Promise<ShownNotification[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = notificationsSince(file, since);
    if (accept(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; notifications shown: ${JSON.stringify(shown.map((s) => s.text))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** utime, stime, cutime, cstime of /proc/<pid>/stat in ms (clock ticks of 10 ms), and the parent pid. */
function procTimes(pid: string): { ppid: number; own: number; reaped: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) * 10, reaped: (Number(f[13]) + Number(f[14])) * 10 };
  } catch {
    return undefined;
  }
}

/**
 * CPU time used so far (user + system, ms): the extension host with the children it has reaped
 * (the CLI runs) and its live children (the language server). Undefined without /proc.
 */
export function cpuMs(): { extensionHost: number; children: number } | undefined {
  const self = procTimes(String(process.pid));
  if (!self) return undefined;
  let children = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const t = procTimes(name);
    if (t?.ppid === process.pid) children += t.own;
  }
  return { extensionHost: self.own + self.reaped, children };
}
