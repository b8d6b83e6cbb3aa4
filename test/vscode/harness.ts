/**
 * Shared plumbing for the tests that run Bulkhead inside a real VS Code: VS Code's server (from the
 * code-server npm package installed by scripts/setup-vscode.sh) with its workbench opened in Debian's
 * Chromium through playwright-core. Used by run-server.ts (extension-host suite) and e2e.test.ts.
 *
 * Every run gets fresh server, user-data and extensions directories, bounded waits, and the server's
 * whole process tree is killed at the end.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, cpSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = join(__dirname, '..', '..');
export const codeServerDir = join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server');
export const vscodeDir = join(codeServerDir, 'lib', 'vscode');
export const serverMain = join(vscodeDir, 'out', 'server-main.js');
export const chromiumPath = process.env['BULKHEAD_CHROMIUM'] ?? '/usr/bin/chromium';
export const artifactsDir = join(repoRoot, 'test-artifacts');
export const fixturesWorkspace = join(repoRoot, 'test', 'vscode', 'fixtures', 'workspace');

/** Why the real-VS-Code tests cannot run here, or undefined when they can. */
export function missingPrerequisites(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(serverMain) || !existsSync(join(vscodeDir, 'node_modules.asar'))) missing.push(`VS Code server (${serverMain})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  if (missing.length === 0) return undefined;
  return `missing ${missing.join(' and ')}; run: bash scripts/setup-vscode.sh`;
}

/** Leftovers of runs that were killed (no cleanup ran) are removed after this long. */
const STALE_MS = 3 * 60 * 60 * 1000;

/** Removes the entries of `dir` not modified for STALE_MS (never a live run's: they are recent). */
export function removeStale(dir: string): void {
  if (!existsSync(dir)) return;
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    try {
      if (now - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

/** A fresh scratch directory for one run, under .vscode-test/runs/ (gitignored). */
export function scratchDir(label: string): string {
  const base = join(repoRoot, '.vscode-test', 'runs');
  mkdirSync(base, { recursive: true });
  removeStale(base);
  return mkdtempSync(join(base, `${label}-`));
}

/** Copies the fixture workspace so the tests may edit and save files freely. */
export function copyWorkspace(into: string, source: string = fixturesWorkspace): string {
  const dest = join(into, 'workspace');
  cpSync(source, dest, { recursive: true });
  return dest;
}

export interface Server {
  readonly port: number;
  readonly origin: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly scratch: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly extraArgs?: readonly string[];
  readonly startTimeoutMs?: number;
  /** User settings.json content (default: userSettings('trusted')). */
  readonly settings?: Record<string, unknown>;
}

/** Directories the server keeps its state in, all inside the run's scratch directory. */
export function serverDirs(scratch: string): { serverData: string; userData: string; extensions: string } {
  return {
    serverData: join(scratch, 'server-data'),
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
  };
}

/**
 * User settings for a run: no network (gallery, updates, experiments, schema downloads), no
 * welcome pages or tips, and workspace trust on (untrusted workspace) or off (everything trusted).
 */
export function userSettings(trust: 'trusted' | 'restricted', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': trust === 'restricted',
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.fetchOnlinePackageInfo': false,
    'json.schemaDownload.enable': false,
    'typescript.disableAutomaticTypeAcquisition': true,
    ...extra,
  };
}

/** Starts VS Code's server on a free port and resolves once it listens. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  const dirs = serverDirs(opts.scratch);
  // The web workbench of code-server keeps user settings on the server side.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(opts.settings ?? userSettings('trusted'), null, 2));
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--telemetry-level', 'off',
    '--server-data-dir', dirs.serverData,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(opts.extraArgs ?? []),
  ];
  // detached: the server gets its own process group, so stop() can kill the extension host and
  // the language server it starts along with it.
  const child = spawn(process.execPath, args, {
    cwd: opts.scratch,
    // EXTENSIONS_GALLERY={}: no extension gallery, so the workbench never calls open-vsx.org.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...opts.env, VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If this process ends without stop() (a crash, Ctrl+C, a killed test), take the server along.
  const reap = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(sig) === 0) process.once(sig, () => process.exit(130));
  }
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reap();
      reject(new Error(`VS Code server did not start within ${opts.startTimeoutMs ?? 60000} ms:\n${output}`));
    }, opts.startTimeoutMs ?? 60000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /Extension host agent listening on (\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited early (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    process: child,
    output: () => output,
    stop: () => killTree(child),
  };
}

/** Kills a detached child and everything in its process group; waits (bounded) for it to go. */
export async function killTree(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(5000).then(() => true)]);
  if (timedOut) {
    signal('SIGKILL');
    await Promise.race([exited, delay(2000)]);
  }
  // The extension host and language server live in the same group; make sure none linger.
  signal('SIGKILL');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Launches headless Chromium with a fresh profile (playwright makes a temporary one per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The workbench URL that opens `folder` and, optionally, runs extension tests. */
export function workbenchUrl(server: Server, folder: string, payload: ReadonlyArray<readonly [string, string]> = []): string {
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const entries = payload.map(([k, v]) => [k, k === 'extensionDevelopmentPath' || k === 'extensionTestsPath' ? remote(v) : v]);
  const all = [...entries, ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  return `${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(all))}`;
}

/** Saves a full-page screenshot into test-artifacts/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Removes a scratch directory unless BULKHEAD_KEEP_SCRATCH is set (for debugging). */
export function cleanScratch(dir: string): void {
  if (process.env['BULKHEAD_KEEP_SCRATCH']) return;
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Lays out the extension as the VSIX would (every file .vscodeignore ships) with development bundles
 * (source maps) in `<into>/extension`, a private copy the extension host loads: other processes
 * rebuilding client/out or server/out in the same checkout cannot change it under a running test.
 * Returns the extension's directory.
 */
export function stageExtension(into: string): string {
  const stage = join(into, 'extension');
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'package-vsix.mjs'), '--stage', stage, '--dev', '--no-package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return stage;
}

/** Packages the VSIX (production bundles, staged build) into a directory and returns its path. */
export function packageVsix(into: string): string {
  const out = join(into, 'bulkhead.vsix');
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'package-vsix.mjs'), '--out', out], { cwd: repoRoot, stdio: 'pipe' });
  return out;
}

/** Installs a VSIX into the run's extensions directory with VS Code's server CLI; returns its output. */
export function installVsix(scratch: string, vsix: string): string {
  const dirs = serverDirs(scratch);
  return execFileSync(
    process.execPath,
    [serverMain, '--accept-server-license-terms', '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { cwd: scratch, encoding: 'utf8', timeout: 60000, env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
}

/** Bundles the mocha suite (mocha included) into one CommonJS file the extension host can load. */
export async function bundleSuite(outfile: string): Promise<string> {
  removeStale(dirname(dirname(outfile)));
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode resolves worker files at run time; the suite never uses it.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}

/** The peer corpus of real-world Dockerfiles and manifests (beside the repository, not in it). */
export const realWorldCorpus = join(repoRoot, '..', 'shared', 'corpus', 'real-world');

/**
 * Copies ../shared/corpus/real-world into the workspace as `real-world/` for the workspace-lint
 * suite, before the workbench opens it. Returns the environment that suite reads: where the copy
 * is, or which corpus was missing (the suite then fails under CI and is skipped elsewhere).
 * BULKHEAD_REAL_WORLD_SOURCE points it elsewhere (to try the missing-corpus path, for one).
 */
export function addRealWorldCorpus(workspace: string, source = process.env['BULKHEAD_REAL_WORLD_SOURCE'] || realWorldCorpus): NodeJS.ProcessEnv {
  if (!existsSync(source)) return { BULKHEAD_REAL_WORLD_MISSING: source };
  const dest = join(workspace, 'real-world');
  cpSync(source, dest, { recursive: true });
  return { BULKHEAD_REAL_WORLD: dest };
}

/**
 * Makes the workbench page report the text of every notification it shows (toasts and the
 * notification centre, progress messages included) as it appears or changes: one JSON line
 * `{"t": <ms since epoch when the page showed it>, "text": "…"}` per change, appended to `file`,
 * which suites read (the extension API cannot see other notifications). Call before `page.goto`.
 */
export async function recordNotifications(page: Page, file: string): Promise<void> {
  writeFileSync(file, '');
  await page.exposeFunction('bulkheadNotificationText', (t: number, text: string) => appendFileSync(file, `${JSON.stringify({ t, text })}\n`));
  await page.addInitScript({
    content: `(() => {
      if (window !== window.top) return;
      const last = new WeakMap();
      const scan = () => {
        for (const el of document.querySelectorAll('.notification-list-item-message')) {
          const text = (el.textContent || '').trim();
          if (!text || last.get(el) === text) continue;
          last.set(el, text);
          window.bulkheadNotificationText(Date.now(), text);
        }
      };
      new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
    })();`,
  });
}
