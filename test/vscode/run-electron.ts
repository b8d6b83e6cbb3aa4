/**
 * Runs the same extension-host suite as run-server.ts in VS Code desktop (Electron), downloaded by
 * @vscode/test-electron into .vscode-test/. For machines that can reach update.code.visualstudio.com;
 * this project's CI cannot, and runs run-server.ts instead.
 *
 *   node --import tsx test/vscode/run-electron.ts [--mode trusted|restricted|all] [--vscode-version 1.100.3]
 *
 * Needs a display on Linux (run under xvfb-run there). Exit code 0 when every session passed.
 */
import { runTests } from '@vscode/test-electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleSuite, cleanScratch, copyWorkspace, repoRoot, scratchDir, stageExtension, userSettings } from './harness';

type Mode = 'trusted' | 'restricted';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function runSession(mode: Mode, extension: string, suite: string, version: string): Promise<number> {
  const scratch = scratchDir(`electron-${mode}`);
  try {
    const workspace = copyWorkspace(scratch);
    const userData = join(scratch, 'user-data');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings(mode), null, 2));
    return await runTests({
      version,
      extensionDevelopmentPath: extension,
      extensionTestsPath: suite,
      extensionTestsEnv: { BULKHEAD_SUITE_MODE: mode, BULKHEAD_TEST_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--user-data-dir', userData,
        '--extensions-dir', join(scratch, 'extensions'),
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        ...(mode === 'trusted' ? ['--disable-workspace-trust'] : []),
      ],
    });
  } catch (err) {
    console.error(`run-electron [${mode}]: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    cleanScratch(scratch);
  }
}

async function main(): Promise<number> {
  const modeArg = option('--mode') ?? 'all';
  const modes: Mode[] = modeArg === 'all' ? ['trusted', 'restricted'] : [modeArg as Mode];
  const version = option('--vscode-version') ?? '1.100.3';
  const build = scratchDir('electron-extension');
  const suite = join(repoRoot, 'test', 'vscode', 'out', `electron-${process.pid}`, 'index.js');
  let worst = 0;
  try {
    const extension = stageExtension(build);
    await bundleSuite(suite);
    for (const mode of modes) {
      const code = await runSession(mode, extension, suite, version);
      console.log(`run-electron [${mode}]: exit code ${code}`);
      if (code !== 0) worst = code;
    }
  } finally {
    rmSync(dirname(suite), { recursive: true, force: true });
    cleanScratch(build);
  }
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
