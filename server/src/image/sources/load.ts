/**
 * Finds the image inside a store: `docker save` (manifest.json, classic and Docker 25+ layouts)
 * or OCI image layout (index.json → optional nested index → manifest → config + layers).
 */
import { arr, isRecord, parseJson, rec, str, strArr, type JsonRecord } from '../json';
import { ScanError } from '../model';
import type { BlobStore } from './store';

const MAX_JSON = 16 << 20;

export interface ImageConfig {
  user: string;
  env: string[];
  labels: Record<string, string>;
  volumes: string[];
  healthcheck: boolean;
  /** Healthcheck explicitly disabled (`NONE`). */
  healthcheckNone: boolean;
  os?: string;
  architecture?: string;
  history: { createdBy: string; emptyLayer: boolean }[];
  diffIds: string[];
  raw: JsonRecord;
}

export interface LayerRef {
  /** Path of the layer blob inside the store. */
  path: string;
  digest: string;
  mediaType?: string;
  size?: number;
}

export interface LoadedImage {
  format: 'docker-archive' | 'oci';
  tags: string[];
  configDigest?: string;
  config: ImageConfig;
  layers: LayerRef[];
  notes: string[];
}

const DIGEST = /^(sha256|sha512):([a-f0-9]{64}|[a-f0-9]{128})$/;

export function blobPath(digest: string): string {
  const m = DIGEST.exec(digest);
  if (!m) throw new ScanError(`Invalid content digest "${digest.slice(0, 80)}" in the image metadata.`, 'corrupt');
  return `blobs/${m[1]}/${m[2]}`;
}

async function readJson(store: BlobStore, p: string, what: string): Promise<unknown> {
  const buf = await store.read(p, MAX_JSON);
  const v = parseJson(buf.toString('utf8'));
  if (v === undefined) throw new ScanError(`${store.describe}: ${what} (${p}) is not valid JSON.`, 'corrupt');
  return v;
}

export function parseConfig(v: unknown): ImageConfig {
  const raw = rec(v);
  if (!raw) throw new ScanError('The image config is not a JSON object.', 'corrupt');
  const c = rec(raw.config) ?? rec(raw.container_config) ?? {};
  const labels: Record<string, string> = {};
  for (const [k, val] of Object.entries(rec(c.Labels) ?? {})) if (typeof val === 'string') labels[k] = val;
  const hc = rec(c.Healthcheck);
  const hcTest = strArr(hc?.Test);
  const history = arr(raw.history).map((h) => {
    const r = rec(h) ?? {};
    return { createdBy: str(r.created_by) ?? '', emptyLayer: r.empty_layer === true };
  });
  return {
    user: str(c.User) ?? '',
    env: strArr(c.Env),
    labels,
    volumes: Object.keys(rec(c.Volumes) ?? {}),
    healthcheck: hc !== undefined && hcTest.length > 0 && hcTest[0] !== 'NONE',
    healthcheckNone: hcTest[0] === 'NONE',
    os: str(raw.os),
    architecture: str(raw.architecture),
    history,
    diffIds: strArr(rec(raw.rootfs)?.diff_ids),
    raw,
  };
}

function splitTagSelector(sel: string | undefined): string | undefined {
  return sel === undefined || sel === '' ? undefined : sel;
}

async function loadDockerArchive(store: BlobStore, tag: string | undefined): Promise<LoadedImage> {
  const manifest = arr(await readJson(store, 'manifest.json', 'manifest.json'));
  if (manifest.length === 0) throw new ScanError(`${store.describe}: manifest.json lists no image.`, 'corrupt');
  const entries = manifest.filter(isRecord);
  let chosen = entries[0];
  const notes: string[] = [];
  if (tag) {
    chosen = entries.find((e) => strArr(e.RepoTags).some((t) => t === tag || t.endsWith(`/${tag}`) || t.split(':').pop() === tag));
    if (!chosen) throw new ScanError(`${store.describe}: no image tagged "${tag}" (tags: ${entries.flatMap((e) => strArr(e.RepoTags)).join(', ') || 'none'}).`, 'input');
  } else if (entries.length > 1) {
    notes.push(`The archive holds ${entries.length} images; scanned the first (${strArr(entries[0]?.RepoTags).join(', ') || 'untagged'}). Append :<tag> to choose.`);
  }
  if (!chosen) throw new ScanError(`${store.describe}: manifest.json has no valid entry.`, 'corrupt');
  const configPath = str(chosen.Config);
  if (!configPath) throw new ScanError(`${store.describe}: manifest.json has no Config.`, 'corrupt');
  if ((await store.size(configPath)) === undefined) throw new ScanError(`${store.describe}: the image config ${configPath} is missing from the archive.`, 'corrupt');
  const config = parseConfig(await readJson(store, configPath, 'the image config'));
  const sources = rec(chosen.LayerSources) ?? {};
  const layers: LayerRef[] = [];
  const paths = strArr(chosen.Layers);
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i] ?? '';
    const digest = config.diffIds[i] ?? p;
    const size = await store.size(p);
    if (size === undefined) {
      throw new ScanError(
        `${store.describe}: layer ${i + 1} (${p}) listed in manifest.json is missing from the archive. ` +
          'Archives saved from the containerd image store can omit layers of other platforms or shared with other images; save the image again with `docker save --platform <os/arch>`.',
        'corrupt',
      );
    }
    const src = rec(sources[digest]);
    layers.push({ path: p, digest, mediaType: str(src?.mediaType), size });
  }
  return { format: 'docker-archive', tags: strArr(chosen.RepoTags), configDigest: configPath, config, layers, notes };
}

function platformScore(d: JsonRecord): number {
  const p = rec(d.platform);
  if (!p) return 1;
  const os = str(p.os);
  const a = str(p.architecture);
  if (os === 'unknown' || a === 'unknown') return -1; // attestation manifests
  const hostArch = process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : process.arch;
  return (os === 'linux' ? 2 : 0) + (a === 'amd64' ? 2 : 0) + (a === hostArch ? 1 : 0);
}

function isIndex(d: JsonRecord): boolean {
  const mt = str(d.mediaType) ?? '';
  return mt.includes('image.index') || mt.includes('manifest.list');
}

async function loadOci(store: BlobStore, tag: string | undefined): Promise<LoadedImage> {
  const index = rec(await readJson(store, 'index.json', 'index.json'));
  if (!index) throw new ScanError(`${store.describe}: index.json is not a JSON object.`, 'corrupt');
  const notes: string[] = [];
  const top = arr(index.manifests).filter(isRecord);
  if (top.length === 0) throw new ScanError(`${store.describe}: index.json lists no image.`, 'corrupt');
  const names = (d: JsonRecord): string[] => {
    const a = rec(d.annotations) ?? {};
    return [str(a['org.opencontainers.image.ref.name']), str(a['io.containerd.image.name'])].filter((x): x is string => !!x);
  };
  let desc: JsonRecord | undefined;
  if (tag) {
    desc = top.find((d) => names(d).some((n) => n === tag || n.endsWith(`:${tag}`)));
    if (!desc) throw new ScanError(`${store.describe}: no image named "${tag}" (names: ${top.flatMap(names).join(', ') || 'none'}).`, 'input');
  } else {
    desc = top[top.length - 1];
    if (top.length > 1) {
      notes.push(`The layout holds ${top.length} images (${top.map((d) => names(d)[0] ?? '?').join(', ')}); scanned the last one listed. Append :<name> to choose.`);
    }
  }
  const topDesc = desc ?? {};
  for (let depth = 0; desc && isIndex(desc); depth++) {
    if (depth > 4) throw new ScanError(`${store.describe}: image indexes are nested too deeply.`, 'corrupt');
    const digest = str(desc.digest) ?? '';
    const nested = rec(await readJson(store, blobPath(digest), 'an image index'));
    const options = arr(nested?.manifests).filter(isRecord);
    options.sort((a, b) => platformScore(b) - platformScore(a));
    desc = options[0];
    if (options.length > 1 && desc) {
      const p = rec(desc.platform);
      notes.push(`Multi-platform image: scanned ${str(p?.os) ?? '?'}/${str(p?.architecture) ?? '?'}.`);
    }
  }
  if (!desc) throw new ScanError(`${store.describe}: the image index is empty.`, 'corrupt');
  const mdigest = str(desc.digest) ?? '';
  const mpath = blobPath(mdigest);
  if ((await store.size(mpath)) === undefined) throw new ScanError(`${store.describe}: the image manifest ${mdigest} is missing.`, 'corrupt');
  const manifest = rec(await readJson(store, mpath, 'the image manifest'));
  const cdesc = rec(manifest?.config);
  const cdigest = str(cdesc?.digest);
  if (!manifest || !cdigest) throw new ScanError(`${store.describe}: the image manifest has no config.`, 'corrupt');
  const cpath = blobPath(cdigest);
  if ((await store.size(cpath)) === undefined) throw new ScanError(`${store.describe}: the image config ${cdigest} is missing.`, 'corrupt');
  const config = parseConfig(await readJson(store, cpath, 'the image config'));
  const layers: LayerRef[] = [];
  const ldescs = arr(manifest.layers).filter(isRecord);
  for (let i = 0; i < ldescs.length; i++) {
    const l = ldescs[i] ?? {};
    const digest = str(l.digest) ?? '';
    const p = blobPath(digest);
    const size = await store.size(p);
    if (size === undefined) {
      throw new ScanError(
        `${store.describe}: layer ${i + 1} (${digest}) is missing from the layout. ` +
          'Archives saved from the containerd image store can omit layers of other platforms or shared with other images; save the image again with `docker save --platform <os/arch>`.',
        'corrupt',
      );
    }
    layers.push({ path: p, digest, mediaType: str(l.mediaType), size });
  }
  const tags = names(topDesc);
  return { format: 'oci', tags: tag ? [tag] : tags, configDigest: cdigest, config, layers, notes };
}

export async function loadImage(store: BlobStore, tagSelector?: string): Promise<LoadedImage> {
  const tag = splitTagSelector(tagSelector);
  if ((await store.size('manifest.json')) !== undefined) return loadDockerArchive(store, tag);
  if ((await store.size('index.json')) !== undefined) return loadOci(store, tag);
  throw new ScanError(
    `${store.describe} is not an image archive: it has neither manifest.json (docker save) nor index.json (OCI layout). Create one with \`docker save -o image.tar <image>\`.`,
    'format',
  );
}
