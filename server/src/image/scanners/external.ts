/** Runs Trivy, Grype or Docker Scout on an image archive / OCI layout and turns their output or failure into our model. */
import { parseJsonLenient } from '../json';
import { ScanError } from '../model';
import { ParseError, parseGrypeJson, parseScoutSarif, parseTrivyJson, type ExternalResult } from './parse';
import { findExecutable, runTool, tail } from './run';

export type ExternalScanner = 'trivy' | 'grype' | 'scout';

export interface ScannerPaths {
  trivyPath?: string;
  grypePath?: string;
  dockerPath?: string;
}

export interface ExternalOptions {
  paths: ScannerPaths;
  timeoutMs: number;
  /** Let the scanner download or refresh its vulnerability database (network). Off by default. */
  allowDbUpdate?: boolean;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface ScanTarget {
  /** Path of the archive or OCI layout directory. */
  path: string;
  kind: 'docker-archive' | 'oci-archive' | 'oci-dir';
}

const INSTALL: Record<ExternalScanner, string> = {
  trivy: 'Install Trivy (https://trivy.dev, e.g. `brew install trivy` or the release binary) or set bulkhead.scanner.trivyPath / --trivy-path.',
  grype: 'Install Grype (https://github.com/anchore/grype, e.g. `brew install grype` or the release binary) or set bulkhead.scanner.grypePath / --grype-path.',
  scout: 'Install the Docker Scout CLI plugin (`docker scout` must work) or set bulkhead.scanner.dockerPath / --docker-path.',
};

export function locateScanner(s: ExternalScanner, paths: ScannerPaths, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (s === 'trivy') return findExecutable('trivy', paths.trivyPath, env);
  if (s === 'grype') return findExecutable('grype', paths.grypePath, env);
  return findExecutable('docker', paths.dockerPath, env);
}

export function notInstalledError(s: ExternalScanner, configured?: string): ScanError {
  const where = configured ? `at the configured path ${configured}` : 'on PATH';
  return new ScanError(`${s === 'scout' ? 'docker' : s} was not found ${where}. ${INSTALL[s]} Or run the built-in offline scan with --scanner builtin.`, 'not-installed');
}

/** Maps a Trivy failure to a clear message, from the messages Trivy prints (pkg/db, pkg/commands/artifact). */
export function classifyTrivyFailure(stderr: string, code: number | null): ScanError {
  const t = tail(stderr, 6);
  if (stderr.includes('cannot be specified on the first run') || stderr.includes('The first run cannot skip downloading DB')) {
    return new ScanError(
      'Trivy has no vulnerability database yet, and Bulkhead runs it offline (--skip-db-update). Download the database once while online with `trivy image --download-db-only`, or rerun with --allow-db-update; or use --scanner builtin.',
      'db',
      t,
    );
  }
  if (stderr.includes('cannot be specified with the old DB schema') || stderr.includes("the version of DB schema doesn't match")) {
    return new ScanError('Trivy\'s vulnerability database does not match this Trivy version. Run `trivy image --download-db-only` while online (or update Trivy), then scan again.', 'db', t);
  }
  if (stderr.includes('failed to download vulnerability DB') || stderr.includes('failed to download artifact from any source')) {
    return new ScanError('Trivy could not download its vulnerability database (offline?). Connect once and run `trivy image --download-db-only`, or point TRIVY_CACHE_DIR at a cache that has the database.', 'offline', t);
  }
  if (stderr.includes('file manifest.json not found in tar') || stderr.includes('unable to open') ) {
    return new ScanError(`Trivy could not read the image archive: ${t}`, 'exit', t);
  }
  return new ScanError(`Trivy exited with code ${code ?? 'unknown'}${t ? `:\n${t}` : ' and printed nothing on stderr'}.`, 'exit', t);
}

/** Maps a Grype failure to a clear message (messages from grype's db and CLI packages). */
export function classifyGrypeFailure(stderr: string, code: number | null): ScanError {
  const t = tail(stderr, 6);
  if (stderr.includes('database does not exist')) {
    return new ScanError('Grype has no vulnerability database. Run `grype db update` once while online, or `grype db import <archive>` on an air-gapped machine; or use --scanner builtin.', 'db', t);
  }
  if (stderr.includes('the vulnerability database was built')) {
    return new ScanError('Grype\'s vulnerability database is too old to be trusted. Run `grype db update`, or set GRYPE_DB_VALIDATE_AGE=false to accept it.', 'db', t);
  }
  if (stderr.includes('bad db checksum')) return new ScanError('Grype\'s vulnerability database is damaged. Run `grype db delete` and then `grype db update`.', 'db', t);
  if (stderr.includes('unsupported database version')) return new ScanError('Grype\'s vulnerability database has a schema this Grype does not support. Update Grype or run `grype db update`.', 'db', t);
  if (stderr.includes('unable to update db') || stderr.includes('unable to check for vulnerability database update')) {
    return new ScanError('Grype could not reach its database update server (offline?). Set GRYPE_DB_AUTO_UPDATE=false to use the installed database, or connect and run `grype db update`.', 'offline', t);
  }
  return new ScanError(`Grype exited with code ${code ?? 'unknown'}${t ? `:\n${t}` : ' and printed nothing on stderr'}.`, 'exit', t);
}

export function classifyScoutFailure(stderr: string, code: number | null): ScanError {
  const t = tail(stderr, 6);
  if (/'scout' is not a docker command|unknown command "scout"|unknown command: docker scout/i.test(stderr)) {
    return new ScanError(`The docker CLI has no scout plugin. ${INSTALL.scout}`, 'not-installed', t);
  }
  if (/log ?in|authenticat|unauthorized/i.test(stderr)) {
    return new ScanError('Docker Scout needs a Docker Hub login (`docker login`, or DOCKER_SCOUT_HUB_USER / DOCKER_SCOUT_HUB_PASSWORD) and network access.', 'offline', t);
  }
  return new ScanError(`docker scout exited with code ${code ?? 'unknown'}${t ? `:\n${t}` : ''}.`, 'exit', t);
}

function garbage(tool: string, stdout: string): ScanError {
  const head = stdout.trim().slice(0, 120).replace(/\s+/g, ' ');
  return new ScanError(
    `${tool} printed output that is not the report Bulkhead expects${head ? ` (it starts with "${head}")` : ' (nothing on stdout)'}. Check that ${tool} is the real tool and a supported version.`,
    'output',
  );
}

export async function runExternal(s: ExternalScanner, target: ScanTarget, opts: ExternalOptions): Promise<ExternalResult> {
  const env = { ...(opts.env ?? process.env) };
  const configured = s === 'trivy' ? opts.paths.trivyPath : s === 'grype' ? opts.paths.grypePath : opts.paths.dockerPath;
  const exe = locateScanner(s, opts.paths, env);
  if (!exe) throw notInstalledError(s, configured);
  let args: string[];
  if (s === 'trivy') {
    args = ['image', '--quiet', '--format', 'json', '--scanners', 'vuln,secret'];
    if (!opts.allowDbUpdate) args.push('--skip-db-update', '--skip-java-db-update', '--skip-check-update', '--skip-version-check');
    args.push('--input', target.path);
  } else if (s === 'grype') {
    const scheme = target.kind === 'oci-dir' ? 'oci-dir' : target.kind;
    args = [`${scheme}:${target.path}`, '-o', 'json'];
    if (!opts.allowDbUpdate) {
      env.GRYPE_DB_AUTO_UPDATE = 'false';
      env.GRYPE_CHECK_FOR_APP_UPDATE = 'false';
    }
  } else {
    args = ['scout', 'cves', '--format', 'sarif', target.kind === 'oci-dir' ? `oci-dir://${target.path}` : `archive://${target.path}`];
  }
  opts.onProgress?.(`Running ${s}…`);
  const r = await runTool(exe, args, {
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    env,
    onStderrLine: (line) => {
      const l = line.trim();
      if (l) opts.onProgress?.(`${s}: ${l.slice(0, 160)}`);
    },
  });
  const failure = s === 'trivy' ? classifyTrivyFailure : s === 'grype' ? classifyGrypeFailure : classifyScoutFailure;
  // Grype exits 2 and Scout 2 only for --fail-on / --exit-code, which Bulkhead does not pass; any non-zero is a failure.
  if (r.code !== 0) throw failure(r.stderr, r.code);
  const doc = parseJsonLenient(r.stdout);
  if (doc === undefined) throw garbage(s, r.stdout);
  try {
    const res = s === 'trivy' ? parseTrivyJson(doc) : s === 'grype' ? parseGrypeJson(doc) : parseScoutSarif(doc);
    if (s === 'scout') res.notes.push('Docker Scout matches vulnerabilities on Docker\'s servers: the image\'s package list left this machine.');
    return res;
  } catch (e) {
    if (e instanceof ParseError) throw garbage(s, r.stdout);
    throw e;
  }
}
