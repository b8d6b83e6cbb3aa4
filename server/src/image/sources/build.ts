/**
 * Builds an image from a Dockerfile with the local Docker or Podman engine, for "Scan Image Built from
 * This Dockerfile": `<engine> build -f <Dockerfile> -t bulkhead-scan/<name>:<stamp> <context dir>`,
 * an argument array (never a shell), cancellable (the process tree is killed), output line by line.
 */
import * as path from 'node:path';
import { ScanError } from '../model';
import { runTool, tail } from '../scanners/run';
import { isValidImageReference } from './engine';

/** A lower-case image-name component from free text (a folder or file name). */
function nameComponent(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `bulkhead-scan/<context folder>[-<Dockerfile suffix>]:<UTC yyyymmdd-hhmmss>`, always a valid reference. */
export function buildTag(dockerfile: string, contextDir: string, now: Date = new Date()): string {
  const base = path.basename(dockerfile);
  const plain = /^(?:dockerfile|containerfile)$/i.test(base);
  const suffix = plain ? '' : nameComponent(base.replace(/^(?:dockerfile|containerfile)[._-]?|[._-]?(?:dockerfile|containerfile)$/gi, ''));
  const name = [nameComponent(path.basename(path.resolve(contextDir))) || 'image', suffix].filter(Boolean).join('-');
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  const tag = `bulkhead-scan/${name}:${stamp}`;
  return isValidImageReference(tag) ? tag : `bulkhead-scan/image:${stamp}`;
}

export interface BuildOptions {
  dockerfile: string;
  contextDir: string;
  tag: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Each output line of the build (stdout and stderr), for a log and the progress message. */
  onLine?: (line: string) => void;
}

/** The argument array of the build (exported for tests and the log). */
export function buildArgs(o: Pick<BuildOptions, 'dockerfile' | 'contextDir' | 'tag'>): string[] {
  return ['build', '-f', o.dockerfile, '-t', o.tag, o.contextDir];
}

/** Runs the build; resolves when the engine has the image under `tag`. */
export async function buildEngineImage(exe: string, o: BuildOptions): Promise<{ tag: string; durationMs: number }> {
  if (!path.isAbsolute(o.dockerfile) || !path.isAbsolute(o.contextDir)) throw new ScanError('The Dockerfile and the build context must be absolute paths.', 'input');
  if (!isValidImageReference(o.tag)) throw new ScanError(`"${o.tag.slice(0, 100)}" is not a valid image tag.`, 'input');
  const started = Date.now();
  const name = path.basename(exe);
  const r = await runTool(exe, buildArgs(o), {
    timeoutMs: o.timeoutMs ?? 30 * 60_000,
    signal: o.signal,
    env: o.env,
    onStderrLine: o.onLine,
    onStdoutLine: o.onLine,
    maxStdout: 64 * 2 ** 20,
  });
  if (r.code !== 0) {
    const t = tail(r.stderr || r.stdout, 6);
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|connect: no such file/i.test(r.stderr)) {
      throw new ScanError(`${name} is installed but its engine is not running. Start Docker (or Podman) and build again, or scan an archive made with \`docker save\`.`, 'engine', t);
    }
    throw new ScanError(`${name} build failed (exit code ${r.code ?? r.signal ?? 'unknown'})${t ? `: ${t.split('\n').pop() ?? ''}` : ''}. The whole build log is in the output channel.`, 'engine', t);
  }
  return { tag: o.tag, durationMs: Date.now() - started };
}

/** Removes the scan tag again (`image rm`; layers other images use stay). Never throws. */
export async function removeEngineTag(exe: string, tag: string, opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string | undefined> {
  if (!isValidImageReference(tag)) return 'not a valid tag';
  try {
    const r = await runTool(exe, ['image', 'rm', tag], { timeoutMs: opts.timeoutMs ?? 60_000, env: opts.env });
    return r.code === 0 ? undefined : tail(r.stderr, 2) || `exit code ${r.code ?? 'unknown'}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
