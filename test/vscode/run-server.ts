/**
 * Runs the extension-host suite (test/vscode/suite) inside a real VS Code: VS Code's server from the
 * code-server npm package, its workbench opened in headless Chromium with the extension development
 * and tests paths in the page URL. The exit code is the one the workbench reports when the tests end.
 *
 * Two sessions, each with a fresh server, profile and copy of the fixture workspace:
 *   trusted     workspace trust off: every suite but the Restricted Mode one
 *   restricted  workspace trust on and the folder not trusted: the Restricted Mode suite
 *
 *   node --import tsx test/vscode/run-server.ts [--mode trusted|restricted|all] [--grep <text>]
 *                                               [--timeout <seconds per session>]
 *
 * The extension is built into a private scratch directory first (development bundles), so a
 * concurrent build in the checkout cannot swap files under the running test.
 *
 * Exit codes: 0 all passed, 1 a test failed or the run broke, 3 prerequisites missing (run
 * scripts/setup-vscode.sh).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  addRealWorldCorpus,
  bundleSuite,
  cleanScratch,
  copyWorkspace,
  launchBrowser,
  missingPrerequisites,
  recordNotifications,
  repoRoot,
  scratchDir,
  screenshot,
  stageExtension,
  startServer,
  userSettings,
  workbenchUrl,
  type Server,
} from './harness';

// One bundle per runner process: several runs may share the checkout.
const suiteOut = join(repoRoot, 'test', 'vscode', 'out', `suite-${process.pid}`, 'index.js');

type Mode = 'trusted' | 'restricted';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Results {
  failures: number;
  outcomes: { title: string; state: string; durationMs?: number; error?: string }[];
}

/** One workbench session: returns the exit code the workbench reported (1 on timeout or crash). */
async function runSession(mode: Mode, extension: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const scratch = scratchDir(`suite-${mode}`);
  const workspace = copyWorkspace(scratch);
  const resultsFile = join(scratch, 'results.json');
  // The workspace-lint suite lints a copy of the real-world corpus and reads the notifications shown.
  const corpus = mode === 'trusted' ? addRealWorldCorpus(workspace) : {};
  if (corpus['BULKHEAD_REAL_WORLD_MISSING']) console.log(`run-server [${mode}]: ${corpus['BULKHEAD_REAL_WORLD_MISSING']} is missing: the workspace-lint tests are skipped${process.env['CI'] ? ' (and fail under CI)' : ''}`);
  const notifications = join(scratch, 'notifications.jsonl');
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({
      scratch,
      settings: userSettings(mode),
      env: {
        BULKHEAD_SUITE_MODE: mode,
        BULKHEAD_SUITE_RESULTS: resultsFile,
        BULKHEAD_SUITE_GREP: option('--grep') ?? '',
        BULKHEAD_TEST_WORKSPACE: workspace,
        BULKHEAD_SUITE_NOTIFICATIONS: notifications,
        ...corpus,
      },
    });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let exit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (process.env['BULKHEAD_VERBOSE']) console.log(`[workbench ${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
    await recordNotifications(page, notifications);
    const url = workbenchUrl(server, workspace, [
      ['extensionDevelopmentPath', extension],
      ['extensionTestsPath', suiteOut],
    ]);
    await page.goto(url, { timeout: 60000 });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), timeoutMs)))]);
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === -1) {
      const shot = await screenshot(page, `suite-${mode}-timeout`).catch(() => 'none');
      console.error(`run-server [${mode}]: the workbench did not finish the tests within ${timeoutMs / 1000} s (screenshot: ${shot})`);
      console.error(server.output().slice(-4000));
      report(mode, resultsFile);
      return 1;
    }
    const ok = report(mode, resultsFile);
    console.log(`run-server [${mode}]: workbench exit code ${code} after ${seconds} s`);
    // A suite that loaded nothing must not pass silently.
    return code === 0 && !ok ? 1 : code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    cleanScratch(scratch);
  }
}

/** Prints the outcomes; false when the suite wrote no results or ran no test. */
function report(mode: Mode, resultsFile: string): boolean {
  if (!existsSync(resultsFile)) {
    console.error(`run-server [${mode}]: the suite wrote no results (it did not load, or crashed before the end)`);
    return false;
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  for (const o of results.outcomes) {
    const mark = o.state === 'passed' ? 'ok  ' : o.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`${mark} [${mode}] ${o.title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}`);
    if (o.error) console.log(o.error.split('\n').slice(0, 12).map((l) => `       ${l}`).join('\n'));
  }
  const passed = results.outcomes.filter((o) => o.state === 'passed').length;
  console.log(`run-server [${mode}]: ${passed} passed, ${results.failures} failed, ${results.outcomes.length - passed - results.failures} pending`);
  return results.outcomes.length > 0;
}

async function main(): Promise<number> {
  const missing = missingPrerequisites();
  if (missing) {
    console.error(`run-server: ${missing}`);
    return 3;
  }
  const modeArg = option('--mode') ?? 'all';
  const modes: Mode[] = modeArg === 'all' ? ['trusted', 'restricted'] : [modeArg as Mode];
  if (!modes.every((m) => m === 'trusted' || m === 'restricted')) {
    console.error(`run-server: unknown --mode ${modeArg}`);
    return 1;
  }
  const started = Date.now();
  const build = scratchDir('extension');
  let worst = 0;
  try {
    // A private build of the extension (see stageExtension) and of the suite.
    const extension = stageExtension(build);
    await bundleSuite(suiteOut);
    const timeoutMs = Number(option('--timeout') ?? '240') * 1000;
    for (const mode of modes) {
      const code = await runSession(mode, extension, timeoutMs);
      if (code !== 0) worst = code;
    }
  } finally {
    rmSync(dirname(suiteOut), { recursive: true, force: true });
    cleanScratch(build);
  }
  console.log(`run-server: ${worst === 0 ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return worst;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
