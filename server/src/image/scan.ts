/** Entry point of the scanning core (used by the CLI and the VS Code client; no `vscode` import). */
import { open, stat } from 'node:fs/promises';
import { auditImage, type AuditOptions } from './audit';
import { applyDockerfileLocations } from './dockerfile-map';
import { ScanError, severityRank, type ScanResult } from './model';
import { locateScanner, runExternal, type ExternalScanner, type ScannerPaths, type ScanTarget } from './scanners/external';
import { findEngine, isValidImageReference, saveEngineImage } from './sources/engine';
import { loadImage } from './sources/load';
import { GzTarStore } from './sources/gz-store';
import { DirStore, TarStore, type BlobStore } from './sources/store';

export type ScannerChoice = 'auto' | 'builtin' | ExternalScanner;
export const SCANNER_CHOICES: readonly ScannerChoice[] = ['auto', 'builtin', 'trivy', 'grype', 'scout'];

export interface ScanOptions {
  scanner?: ScannerChoice;
  paths?: ScannerPaths;
  /** Time-out for each external process (scanner, engine save). */
  timeoutMs?: number;
  allowDbUpdate?: boolean;
  dockerfile?: { path: string; text: string };
  signal?: AbortSignal;
  onProgress?: (message: string, fraction?: number) => void;
  audit?: Omit<AuditOptions, 'signal' | 'onProgress'>;
  env?: NodeJS.ProcessEnv;
}

export type ResolvedInput = { kind: 'archive' | 'oci-dir'; path: string; tag?: string } | { kind: 'engine'; reference: string };

async function statOrUndefined(p: string): Promise<import('node:fs').Stats | undefined> {
  try {
    return await stat(p);
  } catch {
    return undefined;
  }
}

/** A reference without a digest whose tag is absent or `latest` (image IDs are exempt). */
function usesLatest(ref: string): boolean {
  if (ref.includes('@') || /^(?:sha256:)?[a-f0-9]{12,64}$/.test(ref)) return false;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', lastSlash + 1);
  return colon === -1 || ref.slice(colon + 1) === 'latest';
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(2);
    await fh.read(b, 0, 2, 0);
    return b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

export async function resolveInput(input: string): Promise<ResolvedInput> {
  if (input.trim() === '') throw new ScanError('No image given. Pass an image reference, a `docker save` archive or an OCI layout directory.', 'input');
  const tryPath = async (p: string, tag?: string): Promise<ResolvedInput | undefined> => {
    const s = await statOrUndefined(p);
    if (!s) return undefined;
    if (s.isDirectory()) return { kind: 'oci-dir', path: p, tag };
    if (s.isFile()) return { kind: 'archive', path: p, tag };
    throw new ScanError(`${p} is neither a file nor a directory.`, 'input');
  };
  const direct = await tryPath(input);
  if (direct) return direct;
  const colon = input.lastIndexOf(':');
  if (colon > 1) {
    const withTag = await tryPath(input.slice(0, colon), input.slice(colon + 1));
    if (withTag) return withTag;
  }
  if (isValidImageReference(input)) return { kind: 'engine', reference: input };
  throw new ScanError(`"${input.slice(0, 200)}" is not a file, a directory or a valid image reference.`, 'input');
}

export async function scanImage(input: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const resolved = await resolveInput(input);
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
  const env = opts.env ?? process.env;
  let cleanup: (() => Promise<void>) | undefined;
  try {
    let archive: { kind: 'archive' | 'oci-dir'; path: string; tag?: string };
    if (resolved.kind === 'engine') {
      const exe = findEngine(opts.paths?.dockerPath, env);
      if (!exe) {
        throw new ScanError(
          `"${resolved.reference}" is not a file, and no container engine (docker or podman) was found to export it. Save the image elsewhere with \`docker save -o image.tar ${resolved.reference}\` and scan the archive.`,
          'engine',
        );
      }
      opts.onProgress?.(`Exporting ${resolved.reference} with ${exe}…`);
      const saved = await saveEngineImage(exe, resolved.reference, { timeoutMs, signal: opts.signal, env });
      cleanup = saved.cleanup;
      archive = { kind: 'archive', path: saved.archive };
    } else {
      archive = resolved;
    }
    opts.onProgress?.('Reading image metadata…');
    const store: BlobStore = archive.kind === 'oci-dir' ? new DirStore(archive.path) : (await isGzip(archive.path)) ? await GzTarStore.open(archive.path) : await TarStore.open(archive.path);
    if (archive.kind === 'oci-dir' && (await store.size('index.json')) === undefined) {
      throw new ScanError(`${archive.path} is a directory but not an OCI image layout (no index.json).`, 'format');
    }
    const image = await loadImage(store, archive.tag);

    let scanner = opts.scanner ?? 'auto';
    const auto = scanner === 'auto';
    const notes: string[] = [];
    if (scanner === 'auto') {
      const found = (['trivy', 'grype'] as const).find((s) => locateScanner(s, opts.paths ?? {}, env));
      scanner = found ?? 'builtin';
      if (!found) notes.push('No vulnerability scanner (Trivy or Grype) was found: ran the built-in offline audit only (configuration, files, secrets, package inventory; no CVE matching).');
    }
    const result = await auditImage(store, image, input, { ...opts.audit, signal: opts.signal, onProgress: opts.onProgress });
    result.notes.unshift(...notes);
    if (resolved.kind === 'engine' && usesLatest(resolved.reference)) {
      result.findings.push({
        id: 'IMG-LATEST-TAG',
        aliases: ['DKL-DI-0006'],
        kind: 'config',
        severity: 'low',
        title: 'Image referenced by the latest tag',
        message: `"${resolved.reference}" resolves to :latest, which moves; scan and deploy a fixed tag or digest instead.`,
      });
    }
    if (scanner !== 'builtin') {
      const target: ScanTarget =
        archive.kind === 'oci-dir' ? { kind: 'oci-dir', path: archive.path } : { kind: image.format === 'docker-archive' ? 'docker-archive' : 'oci-archive', path: archive.path };
      let ext: Awaited<ReturnType<typeof runExternal>>;
      try {
        ext = await runExternal(scanner, target, { paths: opts.paths ?? {}, timeoutMs, allowDbUpdate: opts.allowDbUpdate, signal: opts.signal, onProgress: opts.onProgress, env });
      } catch (e) {
        // With --scanner auto a scanner that is installed but cannot run (no DB, offline, broken) does not sink the scan.
        if (!auto || !(e instanceof ScanError) || e.code === 'cancelled') throw e;
        result.notes.unshift(`${scanner} could not run, so no vulnerabilities were matched; the built-in audit results are shown. ${e.message}`);
        if (opts.dockerfile) applyDockerfileLocations(result, opts.dockerfile.path, opts.dockerfile.text, image.config.diffIds);
        result.durationMs = Date.now() - started;
        return result;
      }
      const builtinSecretPaths = new Set(result.findings.filter((f) => f.kind === 'secret').map((f) => f.path));
      const extFindings = ext.findings.filter((f) => !(f.kind === 'secret' && builtinSecretPaths.has(f.path)));
      for (const f of extFindings) {
        if (f.layerDigest) {
          const li = image.config.diffIds.indexOf(f.layerDigest);
          const idx = li >= 0 ? li : image.layers.findIndex((l) => l.digest === f.layerDigest);
          if (idx >= 0) f.layerIndex = idx;
        }
      }
      result.findings = [...extFindings, ...result.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
      result.scanner = { name: `${ext.scanner.name} + bulkhead`, version: ext.scanner.version };
      if (ext.os && !result.image.os) result.image.os = ext.os;
      result.notes.push(...ext.notes);
    }
    if (opts.dockerfile) applyDockerfileLocations(result, opts.dockerfile.path, opts.dockerfile.text, image.config.diffIds);
    result.findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    result.durationMs = Date.now() - started;
    return result;
  } finally {
    await cleanup?.();
  }
}

export { ScanError } from './model';
export type { ScanResult, ImageFinding, Severity, PackageInfo } from './model';
