/**
 * Pod-spec facts that several rules share (capabilities, volumes, mounts, env, ports, probes),
 * read from the model's nodes with their ranges. Pure functions of one workload or container.
 */
import type { Range } from 'vscode-languageserver-types';
import { mapGet, mapPairs, nodeRange, scalarValue, seqItems, stringValue, isMap } from '../yaml/documents';
import type { Container, Workload } from './workloads';

/** One string item of a list (a capability, a verb …) with its node. */
export interface Item {
  value: string;
  node: unknown;
  index: number;
}

/** String items of a sequence node (non-scalars are skipped). */
export function stringItems(seq: unknown): Item[] {
  const out: Item[] = [];
  seqItems(seq).forEach((node, index) => {
    const value = stringValue(node);
    if (value !== undefined) out.push({ value, node, index });
  });
  return out;
}

/** A capability name normalised for comparison: upper case, without the `CAP_` prefix. */
export function normaliseCap(name: string): string {
  const n = name.trim().toUpperCase();
  return n.startsWith('CAP_') ? n.slice(4) : n;
}

/** The container's `securityContext.capabilities` lists, normalised. */
export interface Capabilities {
  node: unknown;
  addSeq: unknown;
  dropSeq: unknown;
  add: Item[];
  drop: Item[];
}

/** Reads `securityContext.capabilities` of a container. */
export function capabilitiesOf(c: Container): Capabilities {
  const node = mapGet(c.securityContext, 'capabilities');
  const addSeq = mapGet(node, 'add');
  const dropSeq = mapGet(node, 'drop');
  const norm = (items: Item[]): Item[] => items.map((i) => ({ ...i, value: normaliseCap(i.value) }));
  return { node, addSeq, dropSeq, add: norm(stringItems(addSeq)), drop: norm(stringItems(dropSeq)) };
}

/** One entry of `spec.volumes`. */
export interface Volume {
  name: string | undefined;
  node: unknown;
  /** The volume source key (`hostPath`, `emptyDir` …), the first key other than `name`. */
  source: string | undefined;
  sourceNode: unknown;
  range: Range;
}

/** The pod's volumes. */
export function volumesOf(w: Workload): Volume[] {
  const file = w.object.file;
  const out: Volume[] = [];
  for (const node of seqItems(mapGet(w.podSpec, 'volumes'))) {
    if (!isMap(node)) continue;
    const src = mapPairs(node).find((p) => stringValue(p.key) !== 'name');
    const source = src ? stringValue(src.key) : undefined;
    const nameNode = mapGet(node, 'name');
    out.push({
      name: stringValue(nameNode), node, source, sourceNode: src?.value,
      range: nodeRange(file, src?.key) ?? nodeRange(file, node) ?? w.range,
    });
  }
  return out;
}

/** A `volumeMounts` entry of some container. */
export interface Mount {
  container: Container;
  node: unknown;
  name: string | undefined;
  mountPath: string | undefined;
  readOnly: boolean;
}

/** Every volume mount of every container of a workload. */
export function mountsOf(w: Workload): Mount[] {
  const out: Mount[] = [];
  for (const c of w.containers) {
    for (const node of seqItems(mapGet(c.node, 'volumeMounts'))) {
      if (!isMap(node)) continue;
      out.push({ container: c, node, name: stringValue(mapGet(node, 'name')), mountPath: stringValue(mapGet(node, 'mountPath')), readOnly: scalarValue(mapGet(node, 'readOnly')) === true });
    }
  }
  return out;
}

/** One `env` entry of a container. */
export interface EnvVar {
  node: unknown;
  name: string | undefined;
  nameNode: unknown;
  valueNode: unknown;
  valueFrom: unknown;
}

/** The container's `env` entries. */
export function envOf(c: Container): EnvVar[] {
  const out: EnvVar[] = [];
  for (const node of seqItems(mapGet(c.node, 'env'))) {
    if (!isMap(node)) continue;
    const nameNode = mapGet(node, 'name');
    out.push({ node, name: stringValue(nameNode), nameNode, valueNode: mapGet(node, 'value'), valueFrom: mapGet(node, 'valueFrom') });
  }
  return out;
}

/** One `ports` entry of a container. */
export interface Port {
  node: unknown;
  containerPort: number | undefined;
  containerPortNode: unknown;
  hostPort: number | undefined;
  hostPortNode: unknown;
}

/** The container's `ports` entries (numbers only; named or templated values are undefined). */
export function portsOf(c: Container): Port[] {
  const num = (n: unknown): number | undefined => {
    const v = scalarValue(n);
    return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  return seqItems(mapGet(c.node, 'ports')).filter(isMap).map((node) => ({
    node,
    containerPort: num(mapGet(node, 'containerPort')),
    containerPortNode: mapGet(node, 'containerPort'),
    hostPort: num(mapGet(node, 'hostPort')),
    hostPortNode: mapGet(node, 'hostPort'),
  }));
}

/** True for kinds whose pods run to completion (probes make little sense there). */
export function isBatch(w: Workload): boolean {
  return w.object.kind === 'Job' || w.object.kind === 'CronJob';
}

/**
 * Where to report a missing field: the key of the deepest map on `path` that exists under
 * `node` (e.g. `securityContext` when `securityContext.runAsNonRoot` is missing), else undefined.
 * Keys shallower than `minDepth` are not used.
 */
export function deepestKeyRange(c: Container, path: readonly string[], minDepth = 0): Range | undefined {
  const file = c.workload.object.file;
  let cur: unknown = c.node;
  let found: Range | undefined;
  for (const [depth, step] of path.entries()) {
    if (!isMap(cur)) break;
    const pair = cur.items.find((p) => stringValue(p.key) === step);
    if (!pair) break;
    if (depth >= minDepth) found = nodeRange(file, pair.key) ?? found;
    cur = pair.value;
  }
  return found;
}

/** A hostPath volume with its path and the mounts that use it. */
export interface HostPathVolume {
  volume: Volume;
  path: string | undefined;
  pathNode: unknown;
  mounts: Mount[];
}

/** The pod's hostPath volumes, each with its `path` and the container mounts that reference it. */
export function hostPathsOf(w: Workload): HostPathVolume[] {
  const vols = volumesOf(w).filter((v) => v.source === 'hostPath');
  if (vols.length === 0) return [];
  const mounts = mountsOf(w);
  return vols.map((volume) => {
    const pathNode = mapGet(volume.sourceNode, 'path');
    return { volume, path: stringValue(pathNode), pathNode, mounts: mounts.filter((m) => m.name !== undefined && m.name === volume.name) };
  });
}

/** Host directories that must not be mounted (prefix match; `/` only exactly). Union of kube-linter's and KICS's lists. */
const SENSITIVE_DIRS = ['/bin', '/sbin', '/boot', '/cdrom', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/proc', '/root', '/run', '/selinux', '/srv', '/sys', '/usr', '/var'];

/** True when a host path is `/` or lies in a sensitive system directory. */
export function isSensitiveHostPath(path: string): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return p === '/' || SENSITIVE_DIRS.some((d) => p === d || p.startsWith(`${d}/`));
}

/** True for the container runtime sockets (docker, containerd, CRI-O) or their directories' socket files. */
export function isRuntimeSocket(path: string): boolean {
  return /(^|\/)(docker|containerd|crio|cri-dockerd)\.sock$/.test(path) || /^\/(var\/)?run\/(docker|containerd|crio)(\/|$)/.test(path);
}

/** A `securityContext` map at pod level or on one container. */
export interface SecurityContextRef {
  level: 'pod' | 'container';
  container: Container | undefined;
  node: unknown;
}

/** The pod's securityContext (if set) followed by every container's (if set). */
export function securityContextsOf(w: Workload): SecurityContextRef[] {
  const out: SecurityContextRef[] = [];
  if (isMap(w.podSecurityContext)) out.push({ level: 'pod', container: undefined, node: w.podSecurityContext });
  for (const c of w.containers) if (isMap(c.securityContext)) out.push({ level: 'container', container: c, node: c.securityContext });
  return out;
}

/** Pod-template annotations (key, value node) whose key starts with `prefix`. */
export function annotationsWithPrefix(w: Workload, prefix: string): { key: string; suffix: string; keyNode: unknown; valueNode: unknown }[] {
  return mapPairs(mapGet(w.podMetadata, 'annotations'))
    .map((p) => ({ key: stringValue(p.key) ?? '', keyNode: p.key, valueNode: p.value }))
    .filter((a) => a.key.startsWith(prefix))
    .map((a) => ({ ...a, suffix: a.key.slice(prefix.length) }));
}

/** Range of `map[key]`'s value, or of the key itself when the value is empty (`key:` with nothing after it). */
export function fieldRange(w: Workload, map: unknown, key: string): Range | undefined {
  const file = w.object.file;
  const pair = isMap(map) ? map.items.find((p) => stringValue(p.key) === key) : undefined;
  if (!pair) return undefined;
  const v = pair.value as { range?: [number, number, number] } | null;
  if (v?.range && v.range[1] > v.range[0]) return nodeRange(file, v);
  return nodeRange(file, pair.key);
}
