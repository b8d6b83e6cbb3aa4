/** `bulkhead image …`: scans a container image (local engine image, docker save archive, OCI layout / archive). */
import { readFile, writeFile } from 'node:fs/promises';
import { ScanError } from '../image/model';
import { failed, formatJson, formatMarkdown, formatText, toSarif, type FailOn } from '../image/report';
import { scanImage, SCANNER_CHOICES, type ScannerChoice } from '../image/scan';
import { toCycloneDx } from '../image/sbom';

const USAGE = `Usage: bulkhead image <image-ref | archive.tar | oci-layout-dir>[:tag] [options]

Options:
  --scanner auto|builtin|trivy|grype|scout   which scanner finds vulnerabilities (default auto:
                                             Trivy or Grype when installed, else the built-in audit)
  --format text|json|sarif|cyclonedx|markdown  output format (default text)
  --fail-on critical|high|medium|low|info|none exit 1 when a finding is at or above this (default high)
  --dockerfile <path>       map findings to the lines of the Dockerfile the image was built from
  --sbom <file>             also write a CycloneDX JSON SBOM
  -o, --output <file>       write the report to a file instead of stdout
  --timeout <seconds>       time-out for the external scanner / engine export (default 600)
  --allow-db-update         let Trivy/Grype download or refresh their database (network)
  --trivy-path, --grype-path, --docker-path <path>   executables to use instead of PATH lookups

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 error.
`;

const FORMATS = ['text', 'json', 'sarif', 'cyclonedx', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'info', 'none'];

interface Args {
  target?: string;
  scanner: ScannerChoice;
  format: Format;
  failOn: FailOn;
  dockerfile?: string;
  sbom?: string;
  output?: string;
  timeoutMs: number;
  allowDbUpdate: boolean;
  trivyPath?: string;
  grypePath?: string;
  dockerPath?: string;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { scanner: 'auto', format: 'text', failOn: 'high', timeoutMs: 600_000, allowDbUpdate: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] ?? '';
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) {
      inline = arg.slice(arg.indexOf('=') + 1);
      arg = arg.slice(0, arg.indexOf('='));
    }
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    const oneOf = <T extends string>(v: string, allowed: readonly T[]): T => {
      if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${arg} must be one of ${allowed.join(', ')} (got "${v}").`);
      return v as T;
    };
    switch (arg) {
      case '-h':
      case '--help':
        a.help = true;
        break;
      case '--scanner':
        a.scanner = oneOf(value(), SCANNER_CHOICES);
        break;
      case '--format':
      case '-f':
        a.format = oneOf(value(), FORMATS);
        break;
      case '--fail-on':
        a.failOn = oneOf(value(), FAIL_ON);
        break;
      case '--dockerfile':
        a.dockerfile = value();
        break;
      case '--sbom':
        a.sbom = value();
        break;
      case '-o':
      case '--output':
        a.output = value();
        break;
      case '--timeout': {
        const s = Number(value());
        if (!(s > 0)) throw new UsageError('--timeout must be a positive number of seconds.');
        a.timeoutMs = s * 1000;
        break;
      }
      case '--allow-db-update':
        a.allowDbUpdate = true;
        break;
      case '--trivy-path':
        a.trivyPath = value();
        break;
      case '--grype-path':
        a.grypePath = value();
        break;
      case '--docker-path':
        a.dockerPath = value();
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
        if (a.target !== undefined) throw new UsageError(`Only one image can be scanned at a time (got "${a.target}" and "${arg}").`);
        a.target = arg;
    }
  }
  return a;
}

/** Runs the image subcommand with its arguments; resolves to the process exit code. */
export async function imageCommand(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`bulkhead image: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!args.target) {
    process.stderr.write(`bulkhead image: no image given.\n\n${USAGE}`);
    return 2;
  }
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = process.stderr.isTTY ? (m: string): void => void process.stderr.write(`\r\x1b[K${m.slice(0, (process.stderr.columns ?? 80) - 1)}`) : undefined;
  try {
    let dockerfile: { path: string; text: string } | undefined;
    if (args.dockerfile) {
      try {
        dockerfile = { path: args.dockerfile, text: await readFile(args.dockerfile, 'utf8') };
      } catch (e) {
        throw new ScanError(`Cannot read the Dockerfile ${args.dockerfile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`, 'input');
      }
    }
    const result = await scanImage(args.target, {
      scanner: args.scanner,
      paths: { trivyPath: args.trivyPath, grypePath: args.grypePath, dockerPath: args.dockerPath },
      timeoutMs: args.timeoutMs,
      allowDbUpdate: args.allowDbUpdate,
      dockerfile,
      signal: controller.signal,
      onProgress: progress,
    });
    if (progress) process.stderr.write('\r\x1b[K');
    const out =
      args.format === 'json'
        ? formatJson(result)
        : args.format === 'sarif'
          ? JSON.stringify(toSarif(result), null, 2) + '\n'
          : args.format === 'cyclonedx'
            ? JSON.stringify(toCycloneDx(result), null, 2) + '\n'
            : args.format === 'markdown'
              ? formatMarkdown(result)
              : formatText(result);
    if (args.output) await writeFile(args.output, out);
    else process.stdout.write(out);
    if (args.sbom) await writeFile(args.sbom, JSON.stringify(toCycloneDx(result), null, 2) + '\n');
    return failed(result, args.failOn) ? 1 : 0;
  } catch (e) {
    if (progress) process.stderr.write('\r\x1b[K');
    if (e instanceof ScanError) {
      process.stderr.write(`bulkhead image: ${e.message}\n${e.detail && !e.message.includes(e.detail) ? `  ${e.detail.split('\n').join('\n  ')}\n` : ''}`);
    } else {
      process.stderr.write(`bulkhead image: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    return 2;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
