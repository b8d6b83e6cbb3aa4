/**
 * The `bulkhead` command line: dispatches to one subcommand per file. Exit codes are a contract:
 * 0 nothing at or above the threshold, 1 findings at or above it, 2 usage error or unreadable input.
 */
import { UsageError } from './args';
import { lintCommand } from './lint-command';
import { rulesCommand } from './rules-command';
import { imageCommand } from './image';
import { LINT_HELP, MAIN_HELP, RULES_HELP } from './help';
import { toolVersion } from './version';
import { isLintWorker, runLintWorker } from './worker-pool';
import { setShellParserOptions } from '../../../rules/src/api';
import { applyBatchV8Flags } from './v8-flags';

// The shell-parse cache (keyed by RUN script text) pays off when the same document is linted
// again and again (the editor); a batch run reads each file once, so it would only hold memory.
setShellParserOptions({ cacheSize: 0 });
// Compiler settings for linting many files (see rules/src/engine/batch.ts); set before any
// worker thread starts, so `--jobs` workers run with them too.
applyBatchV8Flags();

const COMMAND_HELP: Record<string, string> = { lint: LINT_HELP, rules: RULES_HELP };

/** Runs the CLI with the arguments after `bulkhead`; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        process.stderr.write(MAIN_HELP);
        return 2;
      case '-h':
      case '--help':
        process.stdout.write(MAIN_HELP);
        return 0;
      case 'help': {
        const topic = rest[0];
        if (topic === 'image') return await imageCommand(['--help']);
        const text = topic === undefined ? MAIN_HELP : COMMAND_HELP[topic];
        if (text === undefined) throw new UsageError(`unknown command '${topic ?? ''}'`);
        process.stdout.write(text);
        return 0;
      }
      case '-v':
      case '--version':
        process.stdout.write(`${toolVersion()}\n`);
        return 0;
      case 'lint':
        return await lintCommand(rest);
      case 'rules':
        return await rulesCommand(rest);
      case 'image':
        return await imageCommand(rest);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const where = command && command in COMMAND_HELP ? ` ${command}` : '';
      process.stderr.write(`bulkhead${where}: ${e.message}\nRun 'bulkhead${where} --help' for usage.\n`);
      return 2;
    }
    process.stderr.write(`bulkhead: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

if (isLintWorker()) {
  // This bundle doubles as the worker of `bulkhead lint --jobs N`.
  runLintWorker();
} else {
  // A closed pipe (e.g. `bulkhead rules | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2)).then((code) => {
    // exitCode, not exit(): lets a large report finish flushing to a pipe first.
    process.exitCode = code;
  });
}
