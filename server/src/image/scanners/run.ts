/**
 * Runs external tools: found on PATH or at a configured path, started with execFile-style argument
 * arrays (never a shell), in their own process group so cancellation and time-outs kill the whole tree.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { ScanError } from '../model';

/** The absolute path of an executable: the configured path if given (and executable), else the first match on PATH. */
export function findExecutable(name: string, configured?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const ok = (p: string): boolean => {
    try {
      if (!statSync(p).isFile()) return false;
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (configured && configured.trim() !== '') {
    const p = path.resolve(configured.trim());
    return ok(p) ? p : undefined;
  }
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = path.join(dir, name + ext);
      if (ok(p)) return p;
    }
  }
  return undefined;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Called with each stderr line (progress and logs). */
  onStderrLine?: (line: string) => void;
  /** Called with each stdout line (tools that log there, e.g. the classic `docker build`). */
  onStdoutLine?: (line: string) => void;
  /** Bytes of stdout kept; more is an error (runaway output). */
  maxStdout?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function runTool(file: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const tool = path.basename(file);
  return new Promise<RunResult>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(new ScanError(`${tool} was cancelled.`, 'cancelled'));
      return;
    }
    const child = spawn(file, [...args], {
      shell: false,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      windowsHide: true,
    });
    const out: Buffer[] = [];
    let outLen = 0;
    let err = '';
    let lineBuf = '';
    let outLineBuf = '';
    let settled = false;
    const maxOut = opts.maxStdout ?? 512 * 2 ** 20;
    const finish = (e: Error | undefined, r?: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (e) {
        killTree(child.pid);
        reject(e);
      } else if (r) resolve(r);
    };
    const onAbort = (): void => finish(new ScanError(`${tool} was cancelled.`, 'cancelled'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      finish(new ScanError(`${tool} did not finish within ${Math.round(opts.timeoutMs / 1000)} s and was stopped. Raise the time-out (--timeout) or check that the tool is not waiting for the network.`, 'timeout'));
    }, opts.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      outLen += c.length;
      if (outLen > maxOut) {
        finish(new ScanError(`${tool} printed more than ${maxOut} bytes; stopped it.`, 'output'));
        return;
      }
      out.push(c);
      if (opts.onStdoutLine) {
        outLineBuf += c.toString('utf8');
        let nl: number;
        while ((nl = outLineBuf.indexOf('\n')) !== -1) {
          opts.onStdoutLine(outLineBuf.slice(0, nl));
          outLineBuf = outLineBuf.slice(nl + 1);
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      const s = c.toString('utf8');
      if (err.length < 1 << 20) err += s;
      if (opts.onStderrLine) {
        lineBuf += s;
        let nl: number;
        while ((nl = lineBuf.indexOf('\n')) !== -1) {
          opts.onStderrLine(lineBuf.slice(0, nl));
          lineBuf = lineBuf.slice(nl + 1);
        }
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(new ScanError(e.code === 'ENOENT' ? `${file} was not found.` : e.code === 'EACCES' ? `${file} is not executable.` : `${tool} could not be started: ${e.message}`, 'not-installed'));
    });
    child.on('close', (code, sig) => {
      finish(undefined, { code, signal: sig, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/** The last few non-empty lines of a tool's stderr, for error messages. */
export function tail(text: string, lines = 4): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-lines)
    .join('\n');
}
