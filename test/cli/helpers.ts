/** Helpers for the CLI tests: run the built `bin/bulkhead.js` as a child process, make temp trees, validate SARIF. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';

/** Repository root (this file is test/cli/helpers.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The peer corpora beside the checkout. */
export const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus');
const BIN = path.join(REPO_ROOT, 'bin', 'bulkhead.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node bin/bulkhead.js ...args` (argument array, no shell) and collects its output. */
export function runCli(args: readonly string[], cwd: string = REPO_ROOT, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started }));
  });
}

/** Creates a temporary directory holding `files` (relative path → content). */
export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bulkhead-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Parses stdout as JSON, failing with the raw output when it is not JSON. */
export function parseJson<T>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(r.code)}):\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr.slice(0, 2000)}`);
  }
}

const SCHEMA_PATH = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
let validator: ((data: unknown) => string[]) | undefined;

/**
 * Validates a SARIF log against the official SARIF 2.1.0 JSON schema (rtm.5, shipped by
 * Microsoft's @microsoft/jest-sarif package); returns the schema errors (empty when valid).
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    if (!existsSync(SCHEMA_PATH)) throw new Error(`SARIF schema not found at ${SCHEMA_PATH}; run npm ci`);
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // unicodeRegExp: false because the rtm.5 schema's language pattern is not valid with the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);
    validator = (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
  }
  return validator(log);
}
