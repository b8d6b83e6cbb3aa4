/**
 * Entry point the VS Code extension host loads (extensionTestsPath): runs the mocha suites bundled
 * beside it and resolves or rejects; the workbench turns that into the exit code it reports.
 *
 * The runners bundle this file with esbuild into test/vscode/out/suite/index.js, mocha included, so
 * nothing is loaded from disk at test time except the extension under test.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';

interface Outcome {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: 'spec' });
  const grep = process.env['BULKHEAD_SUITE_GREP'];
  if (grep) mocha.grep(grep);
  // Define describe/it/before… as globals, then load the suites (bundled in, in this order).
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // The runner opens the workspace twice: trusted (everything) and untrusted (Restricted Mode).
  if (process.env['BULKHEAD_SUITE_MODE'] === 'restricted') {
    await import('./restricted.suite.js');
    await import('../../image/vscode/image-restricted.suite.js');
    await import('./image-results-restricted.suite.js');
    await import('./workspace-scan.suite.js');
  } else {
    await import('./activation.suite.js');
    // Before workspace-lint: its Lint Workspace run would feed the kustomization to the server too.
    await import('./workspace-scan.suite.js');
    await import('./diagnostics.suite.js');
    await import('./hover.suite.js');
    await import('./quickfix.suite.js');
    await import('./settings.suite.js');
    await import('./commands.suite.js');
    await import('./image-results.suite.js');
    await import('../../image/vscode/image.suite.js');
    await import('./workspace-lint.suite.js');
  }

  const outcomes: Outcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: unknown) =>
      outcomes.push({ title: t.fullTitle(), state: 'failed', error: err instanceof Error ? err.stack ?? err.message : String(err) }),
    );
    runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
  });
  // The runner reads this file for its summary (the workbench only reports an exit code).
  const resultsFile = process.env['BULKHEAD_SUITE_RESULTS'];
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ failures, outcomes }, null, 2));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
