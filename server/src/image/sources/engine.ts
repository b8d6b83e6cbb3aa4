/** Local Docker / Podman engine: list images and export one with `save` (argument arrays, never a shell). */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isRecord, parseJson, str, strArr } from '../json';
import { ScanError } from '../model';
import { findExecutable, runTool, tail } from '../scanners/run';

export interface EngineImage {
  reference: string;
  id: string;
  size?: string;
  created?: string;
}

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(
  `^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?)/)?` +
    `${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
);

/** True for a valid image reference or image ID; rejects anything that could be read as an option or a path. */
export function isValidImageReference(ref: string): boolean {
  if (ref.length === 0 || ref.length > 512 || ref.startsWith('-')) return false;
  if (/^(?:sha256:)?[a-f0-9]{12,64}$/.test(ref)) return true;
  return REFERENCE.test(ref);
}

export function findEngine(dockerPath?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (dockerPath && dockerPath.trim() !== '') return findExecutable('docker', dockerPath, env);
  return findExecutable('docker', undefined, env) ?? findExecutable('podman', undefined, env);
}

function engineFailure(exe: string, stderr: string, code: number | null): ScanError {
  const t = tail(stderr, 4);
  const name = path.basename(exe);
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|connect: no such file|error during connect/i.test(stderr)) {
    return new ScanError(`${name} is installed but its engine is not running. Start Docker (or Podman), or scan an archive made with \`docker save -o image.tar <image>\`.`, 'engine', t);
  }
  if (/No such image|reference does not exist|image not known|not found/i.test(stderr)) {
    return new ScanError(`${name} has no such image locally. Pull or build it first (Bulkhead never pulls).`, 'input', t);
  }
  return new ScanError(`${name} exited with code ${code ?? 'unknown'}${t ? `: ${t}` : ''}.`, 'engine', t);
}

export async function listEngineImages(exe: string, opts: { timeoutMs?: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {}): Promise<EngineImage[]> {
  const r = await runTool(exe, ['image', 'ls', '--format', 'json'], { timeoutMs: opts.timeoutMs ?? 30_000, signal: opts.signal, env: opts.env });
  if (r.code !== 0) throw engineFailure(exe, r.stderr, r.code);
  const rows: unknown[] = [];
  const whole = parseJson(r.stdout.trim());
  if (Array.isArray(whole)) rows.push(...whole); // podman: one JSON array
  else if (whole !== undefined) rows.push(whole);
  else for (const line of r.stdout.split('\n')) if (line.trim()) rows.push(parseJson(line)); // docker: one object per line
  const out: EngineImage[] = [];
  for (const row of rows.filter(isRecord)) {
    const id = str(row.ID) ?? str(row.Id) ?? '';
    const repo = str(row.Repository);
    const tag = str(row.Tag);
    const names = strArr(row.Names);
    const refs = repo && repo !== '<none>' ? [tag && tag !== '<none>' ? `${repo}:${tag}` : repo] : names.length ? names : [];
    for (const reference of refs.length ? refs : [id]) {
      if (reference) out.push({ reference, id, size: str(row.Size) ?? (typeof row.Size === 'number' ? String(row.Size) : undefined), created: str(row.CreatedSince) ?? str(row.CreatedAt) });
    }
  }
  return out.filter((x, i) => out.findIndex((y) => y.reference === x.reference) === i);
}

/** Exports an engine image to a temporary `docker save` archive; call cleanup() when done. */
export async function saveEngineImage(
  exe: string,
  reference: string,
  opts: { timeoutMs?: number; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {},
): Promise<{ archive: string; cleanup: () => Promise<void> }> {
  if (!isValidImageReference(reference)) throw new ScanError(`"${reference.slice(0, 100)}" is not a valid image reference.`, 'input');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bulkhead-image-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const archive = path.join(dir, 'image.tar');
  try {
    const r = await runTool(exe, ['save', '-o', archive, reference], { timeoutMs: opts.timeoutMs ?? 10 * 60_000, signal: opts.signal, env: opts.env });
    if (r.code !== 0) throw engineFailure(exe, r.stderr, r.code);
    return { archive, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
