/**
 * Loads a CommonJS bundle through V8's code cache, so a later start deserialises the compiled
 * functions instead of parsing and compiling megabytes of JavaScript again. Node 20 has no
 * `module.enableCompileCache`, hence this small loader around `vm.Script` + `cachedData`.
 *
 * - The cache lives in `.code-cache/` next to the bundle, one file per bundle. Its name holds a
 *   key of the bundle's content (SHA-1, ≈ 2 ms for 2 MB) and of Node's and V8's versions: a
 *   rebuilt or replaced bundle, or another Node, never reads an old cache. V8 itself only checks
 *   the source length, so the key is what keeps a stale cache out; file times are not trusted.
 * - The file starts with a SHA-1 of the V8 data, checked before use (release V8 builds do not
 *   checksum code caches); a truncated or damaged cache is ignored and rewritten.
 * - It is written when missing or rejected, CACHE_DELAY_MS after loading or at exit if sooner, via a
 *   temporary file and a rename, so concurrent servers never read a half-written cache. Caches of
 *   other keys are removed then.
 * - Nothing is cached when the folder is not writable (a read-only install) or when
 *   BULKHEAD_CODE_CACHE=0; the bundle is then compiled as usual. Every failure falls back to that.
 * - BULKHEAD_LOAD_TRACE=1 prints one line per loaded bundle on stderr (never stdout: it carries
 *   the protocol), for tests and profiling.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Delay after loading at which a missing cache is written while the process keeps running. Short:
 * V8 drops the bytecode of functions that have not run for a while (those of the start), and a
 * cache written at the end of a long session lacks them; one written soon after the start holds
 * the start and the first requests (cold start to first diagnostics, 60-line Dockerfile, load
 * average 1: 148-172 ms without a cache, 114-134 ms from one written after a short session,
 * 171 ms from one written after linting 1,000 documents).
 */
const CACHE_DELAY_MS = 2000;
const DIGEST_BYTES = 20;
const WRAPPER = '(function (exports, require, module, __filename, __dirname) { ';

/** What happened when a bundle was loaded (for tests and the benchmark). */
export interface LoadReport {
  file: string;
  /** `hit`: compiled from the cache; `miss`: no usable cache; `off`: caching disabled or impossible. */
  cache: 'hit' | 'miss' | 'rejected' | 'off';
  compileMs: number;
  runMs: number;
}

/** Every bundle loaded by this process, in order. */
export const loadReports: LoadReport[] = [];

function cacheKey(content: Buffer): string {
  return createHash('sha1').update(`${process.version}|${process.versions.v8}|${process.arch}|`).update(content).digest('hex').slice(0, 20);
}

/** The cache folder, or the bundle's folder it would be created in, is writable. */
function writable(dir: string): boolean {
  try {
    accessSync(existsSync(dir) ? dir : dirname(dir), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readCache(path: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    return undefined;
  }
  if (raw.length <= DIGEST_BYTES) return undefined;
  const data = raw.subarray(DIGEST_BYTES);
  const digest = createHash('sha1').update(data).digest();
  return digest.equals(raw.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

function writeCache(dir: string, name: string, key: string, script: Script): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${name}.${key}.bin`);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([createHash('sha1').update(data).digest(), data]));
    renameSync(tmp, target);
    for (const f of readdirSync(dir)) {
      // Other keys, and temporary files a killed server left (a concurrent writer's rename then fails harmlessly).
      if (f.startsWith(`${name}.`) && f !== basename(target)) unlinkSync(join(dir, f));
    }
  } catch {
    // Read-only or full disk: the next start compiles without a cache, as it would anyway.
  }
}

/**
 * Loads `file` (a CommonJS bundle) like `require` does, with a V8 code cache when possible, and
 * returns its `module.exports`.
 */
export function loadBundle(file: string): unknown {
  const started = performance.now();
  const content = readFileSync(file);
  const name = basename(file);
  const dir = join(dirname(file), '.code-cache');
  const key = process.env.BULKHEAD_CODE_CACHE === '0' || !writable(dir) ? undefined : cacheKey(content);
  const cachedData = key === undefined ? undefined : readCache(join(dir, `${name}.${key}.bin`));
  // The wrapper stays on the first line, so line numbers in stack traces and source maps hold.
  const script = new Script(`${WRAPPER}${content.toString('utf8')}\n})`, { filename: file, cachedData });
  const compiled = performance.now();
  const cache: LoadReport['cache'] = key === undefined ? 'off' : cachedData === undefined ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: typeof module, f: string, d: string) => void;
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const report: LoadReport = { file, cache, compileMs: compiled - started, runMs: performance.now() - compiled };
  loadReports.push(report);
  if (process.env.BULKHEAD_LOAD_TRACE === '1') process.stderr.write(`bulkhead-load ${JSON.stringify({ ...report, file: name })}\n`);
  if (key !== undefined && cache !== 'hit') {
    pending.push(() => writeCache(dir, name, key, script));
    // At exit the cache also holds every function compiled during the session.
    if (!exitHook) process.once('exit', writeCodeCaches);
    exitHook = true;
    timer ??= setTimeout(writeCodeCaches, CACHE_DELAY_MS).unref();
  }
  return module.exports;
}

const pending: (() => void)[] = [];
let exitHook = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Writes the caches of bundles loaded without one (at exit and after CACHE_DELAY_MS; tests call it directly). */
export function writeCodeCaches(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  for (const write of pending.splice(0)) write();
}
