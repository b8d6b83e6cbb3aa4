/**
 * The built-in offline auditor: streams every layer once, keeps a final-filesystem view of the paths
 * the checks need (whiteouts applied), then runs the config, history, file, account and secret checks
 * and builds the package inventory.
 */
import { duplicateIdChecks, shadowChecks } from './checks/accounts';
import { configChecks } from './checks/config';
import { fileChecks, gitDirOf, isEnvFile, packageCacheOf } from './checks/files';
import { historyChecks } from './checks/history';
import { findSecrets, isPlaceholderValue, isSecretName, mask, skipSecretPath } from './checks/secrets';
import { FsView } from './fsview';
import { DEFAULT_LIMITS, walkLayer, type LayerLimits } from './layer';
import { severityRank, type ImageFinding, type LayerInfo, type PackageInfo, type ScanResult } from './model';
import { osReleaseId, packageDbKind, parsePackageDb } from './packages';
import type { LoadedImage } from './sources/load';
import type { BlobStore } from './sources/store';

export interface AuditOptions {
  limits?: Partial<LayerLimits>;
  /** Files up to this size are searched for secrets (text files only). */
  maxTextBytes?: number;
  /** Package databases and account files up to this size are read. */
  maxDbBytes?: number;
  /** Most paths kept in the final view (bounded memory on huge images). */
  maxViewNodes?: number;
  signal?: AbortSignal;
  onProgress?: (message: string, fraction?: number) => void;
  /** Keep every path in the view (tests: checking whiteouts); costs memory on large images. */
  collectPaths?: boolean;
}

interface NodeData {
  layer: number;
  type: string;
  findings: ImageFinding[];
  cacheDir?: string;
  special?: 'passwd' | 'group' | 'shadow' | 'os-release' | 'pkgdb';
  text?: string;
  packages?: PackageInfo[];
}

const ACCOUNT_FILES: Record<string, NodeData['special']> = {
  'etc/passwd': 'passwd',
  'etc/group': 'group',
  'etc/shadow': 'shadow',
  'etc/master.passwd': 'shadow',
  'etc/os-release': 'os-release',
  'usr/lib/os-release': 'os-release',
};

const SECRETISH = new Set(['IMG-SECRET', 'IMG-CREDENTIAL-FILE', 'IMG-DOTENV']);

function looksText(body: Buffer): boolean {
  const n = Math.min(body.length, 8000);
  for (let i = 0; i < n; i++) if (body[i] === 0) return false;
  return true;
}

function envFileSecrets(path: string, text: string): ImageFinding[] {
  const out: ImageFinding[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim().replace(/^export\s+/, '');
    const eq = line.indexOf('=');
    if (line.startsWith('#') || eq <= 0) return;
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    if (isSecretName(name) && !isPlaceholderValue(value)) {
      out.push({ id: 'IMG-SECRET', aliases: ['env-file-credential'], kind: 'secret', severity: 'high', title: 'Credential in an environment file', message: `/${path}:${i + 1} sets ${name}=${mask(value)}.`, path });
    }
  });
  return out;
}

export function layerHistoryIndex(history: readonly { emptyLayer: boolean }[], layerCount: number): number[] {
  const nonEmpty = history.map((h, i) => (h.emptyLayer ? -1 : i)).filter((i) => i >= 0);
  const out: number[] = [];
  // When the history has fewer non-empty entries than layers, align from the end.
  const offset = nonEmpty.length - layerCount;
  for (let l = 0; l < layerCount; l++) out.push(nonEmpty[l + offset] ?? -1);
  return out;
}

export async function auditImage(store: BlobStore, image: LoadedImage, input: string, opts: AuditOptions = {}): Promise<ScanResult & { paths?: string[] }> {
  const started = Date.now();
  const limits: LayerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const maxText = opts.maxTextBytes ?? 512 * 1024;
  const maxDb = opts.maxDbBytes ?? 32 * 2 ** 20;
  const notes = [...image.notes];
  const deleted: ImageFinding[] = [];
  const unsafe: ImageFinding[] = [];
  const layers: LayerInfo[] = [];
  const view = new FsView<NodeData>(opts.collectPaths ? 5_000_000 : (opts.maxViewNodes ?? 200_000), (path, data, byLayer) => {
    for (const f of data.findings) {
      if (!SECRETISH.has(f.id)) continue;
      deleted.push({
        ...f,
        id: 'IMG-SECRET-DELETED',
        severity: f.severity === 'critical' ? 'critical' : 'high',
        title: 'Secret deleted in a later layer is still in the image',
        message: `${f.message} It was removed in layer ${byLayer + 1}, but the bytes remain in layer ${data.layer + 1} and can be extracted from the image. Rebuild without adding it.`,
        layerIndex: data.layer,
        deletedLater: true,
        path,
      });
    }
  });
  const hist = layerHistoryIndex(image.config.history, image.layers.length);
  const totalBytes = image.layers.reduce((a, l) => a + (l.size ?? 0), 0) || 1;
  let doneBytes = 0;
  let viewFullNoted = false;

  for (let i = 0; i < image.layers.length; i++) {
    const ref = image.layers[i];
    if (!ref) continue;
    const label = `Layer ${i + 1}/${image.layers.length} (${ref.digest.replace(/^sha256:/, '').slice(0, 12)})`;
    opts.onProgress?.(`Reading ${label.toLowerCase()}`, doneBytes / totalBytes);
    let unsafeCount = 0;
    let unsafeExample = '';
    let pending: NodeData | undefined;
    const stream = await store.stream(ref.path);
    const stats = await walkLayer(
      stream,
      label,
      limits,
      {
        onEntry(h) {
          if (h.unsafeName) {
            unsafeCount++;
            unsafeExample ||= h.path;
          }
          if (h.path === '') return 0;
          const slash = h.path.lastIndexOf('/');
          const dir = slash === -1 ? '' : h.path.slice(0, slash);
          const base = h.path.slice(slash + 1);
          if (base.startsWith('.wh.')) {
            if (base === '.wh..wh..opq') view.opaque(dir, i);
            else if (base.length > 4) view.whiteout(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`, i);
            return 0;
          }
          view.replace(h.path, i, h.type === 'directory');
          const gitDir = gitDirOf(h.path);
          if (gitDir && view.get(gitDir) === undefined) {
            view.set(gitDir, i, { layer: i, type: 'directory', findings: fileChecks({ path: gitDir, type: 'directory', mode: 0o755, size: 0 }) });
          }
          const data: NodeData = { layer: i, type: h.type, findings: fileChecks(h) };
          const cache = h.type === 'file' ? packageCacheOf(h.path) : undefined;
          if (cache) data.cacheDir = cache;
          let want = 0;
          if (h.type === 'file') {
            const special = ACCOUNT_FILES[h.path] ?? (packageDbKind(h.path) ? 'pkgdb' : undefined);
            if (special) {
              data.special = special;
              want = maxDb;
            } else if (h.size > 0 && h.size <= maxText && !skipSecretPath(h.path)) {
              want = maxText;
            }
          }
          if (data.findings.length || data.cacheDir || data.special || opts.collectPaths) {
            if (!view.set(h.path, i, data) && !viewFullNoted) {
              viewFullNoted = true;
              notes.push(`More than ${view.count} notable paths; later ones were not tracked.`);
            }
          }
          pending = data;
          return want;
        },
        onBody(h, body) {
          const data = pending;
          if (!data) return;
          if (data.special === 'pkgdb') {
            // Parsed now, so only the package list (not the database text) is held until the end.
            const kind = packageDbKind(h.path);
            data.packages = kind ? parsePackageDb(kind, body.toString('utf8'), h.path) : [];
            return;
          }
          if (data.special) {
            data.text = body.toString('utf8');
            return;
          }
          if (!looksText(body)) return;
          const text = body.toString('latin1');
          const found: ImageFinding[] = findSecrets(text).map((hit) => ({
            id: 'IMG-SECRET',
            aliases: [hit.rule.id],
            kind: 'secret',
            severity: hit.rule.severity,
            title: hit.rule.title,
            message: `/${h.path}:${hit.line} contains a ${hit.rule.title.toLowerCase()}.`,
            path: h.path,
          }));
          if (isEnvFile(h.path)) found.push(...envFileSecrets(h.path, text));
          if (found.length === 0) return;
          // A key found by content makes the by-name finding redundant.
          data.findings = [...data.findings.filter((f) => f.id !== 'IMG-CREDENTIAL-FILE'), ...found];
          if (view.get(h.path) !== data) view.set(h.path, i, data);
        },
      },
      opts.signal,
    );
    doneBytes += ref.size ?? 0;
    const expected = image.config.diffIds[i];
    if (expected && expected !== stats.diffId) notes.push(`${label}: content digest ${stats.diffId} does not match the config's diff_id ${expected}.`);
    if (unsafeCount > 0) {
      unsafe.push({
        id: 'IMG-UNSAFE-PATH',
        kind: 'file',
        severity: 'high',
        title: 'Layer entries with unsafe names',
        message: `${label} has ${unsafeCount} entr${unsafeCount === 1 ? 'y' : 'ies'} whose name is absolute or climbs out with "..", e.g. ${JSON.stringify(unsafeExample)}; tools that extract layers naively could write outside the root.`,
        layerIndex: i,
        layerDigest: ref.digest,
      });
    }
    const hi = hist[i] ?? -1;
    layers.push({
      index: i,
      digest: ref.digest,
      diffId: stats.diffId,
      mediaType: ref.mediaType,
      compression: stats.compression,
      size: stats.compressedBytes,
      uncompressedSize: stats.uncompressedBytes,
      entries: stats.entries,
      createdBy: hi >= 0 ? image.config.history[hi]?.createdBy : undefined,
    });
  }
  opts.onProgress?.('Running checks', 1);

  const findings: ImageFinding[] = [];
  const caches = new Map<string, { count: number; layer: number }>();
  const packages: PackageInfo[] = [];
  let distro: string | undefined;
  let osName: string | undefined;
  const paths: string[] = [];
  for (const [path, d] of view.entries()) {
    if (opts.collectPaths) paths.push(path);
    for (const f of d.findings) findings.push({ ...f, layerIndex: d.layer });
    if (d.cacheDir) {
      const c = caches.get(d.cacheDir) ?? { count: 0, layer: d.layer };
      c.count++;
      c.layer = Math.max(c.layer, d.layer);
      caches.set(d.cacheDir, c);
    }
    if (d.packages) for (const p of d.packages) packages.push({ ...p, layerIndex: d.layer });
    if (d.text === undefined) continue;
    const add = (fs: ImageFinding[]): void => {
      for (const f of fs) findings.push({ ...f, layerIndex: d.layer });
    };
    if (d.special === 'shadow') add(shadowChecks(path, d.text));
    else if (d.special === 'passwd') add(duplicateIdChecks(path, d.text, 'UID'));
    else if (d.special === 'group') add(duplicateIdChecks(path, d.text, 'GID'));
    else if (d.special === 'os-release') {
      const r = osReleaseId(d.text);
      if (r.id && (path === 'etc/os-release' || !distro)) {
        distro = r.id;
        osName = `${r.id}${r.version ? ` ${r.version}` : ''}`;
      }
    }
  }
  for (const [dir, c] of caches) {
    findings.push({
      id: 'IMG-PACKAGE-CACHE',
      kind: 'file',
      severity: 'low',
      title: 'Package manager cache left in the image',
      message: `/${dir} holds ${c.count} cached file${c.count === 1 ? '' : 's'}; clean it in the same RUN that installs packages.`,
      path: dir,
      layerIndex: c.layer,
    });
  }
  // dpkg purls name the distribution, known only once /etc/os-release was read.
  if (distro && distro !== 'debian') for (const p of packages) if (p.type === 'deb') p.purl = p.purl.replace('pkg:deb/debian/', `pkg:deb/${distro}/`);
  const envPairs = new Set(image.config.env);
  findings.push(...configChecks(image.config), ...historyChecks(image.config.history, envPairs), ...deleted, ...unsafe);
  // Env/label findings point at the history step that set them, when it can be found.
  for (const f of findings) {
    if (f.historyIndex === undefined && f.path?.startsWith('config:')) {
      const name = f.path.slice(f.path.indexOf('/') + 1);
      const idx = image.config.history.findIndex((h) => h.createdBy.includes(`${name}=`));
      if (idx >= 0) {
        f.historyIndex = idx;
        f.createdBy = image.config.history[idx]?.createdBy;
        f.message += ` It is also recorded in the image history (build step ${idx + 1}).`;
      }
    }
    if (f.layerIndex !== undefined) {
      f.layerDigest ??= image.layers[f.layerIndex]?.digest;
      const hi = hist[f.layerIndex] ?? -1;
      if (hi >= 0 && f.historyIndex === undefined) {
        f.historyIndex = hi;
        f.createdBy = image.config.history[hi]?.createdBy;
      }
    }
  }
  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id) || (a.path ?? '').localeCompare(b.path ?? ''));
  packages.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  return {
    scanner: { name: 'bulkhead' },
    image: {
      input,
      tags: image.tags,
      imageId: image.configDigest?.startsWith('sha256:') ? image.configDigest : image.configDigest ? `sha256:${image.configDigest.replace(/^.*\//, '').replace(/\.json$/, '')}` : undefined,
      os: osName ?? image.config.os,
      architecture: image.config.architecture,
      user: image.config.user,
      layers,
      history: image.config.history,
      format: image.format,
    },
    findings,
    packages,
    notes,
    durationMs: Date.now() - started,
    ...(opts.collectPaths ? { paths: paths.sort() } : {}),
  };
}
