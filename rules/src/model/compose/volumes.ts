/**
 * Volume mounts of a service in both Compose syntaxes (short `SOURCE:TARGET[:MODE]`, long maps
 * with `type`/`source`/`target`/`read_only`/`bind.propagation`), and the top-level `volumes`
 * map, whose `driver_opts` can point a named volume at a host directory.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type YamlDocument, isMap, mapGet, mapPairs, nodeRange, pairOf, scalarValue, seqItems, stringValue, deref } from '../yaml/documents';
import { type ServiceField, locate } from './fields';

export type MountType = 'bind' | 'volume' | 'anonymous' | 'tmpfs' | 'other';

/** One entry of a service's `volumes:`. */
export interface VolumeMount {
  node: unknown;
  /** Where to report: the item, or the merge entry it was inherited through. */
  at: Range;
  inherited: boolean;
  long: boolean;
  type: MountType;
  /** Host path (bind) or volume name (volume); undefined for anonymous volumes and tmpfs. */
  source: string | undefined;
  target: string | undefined;
  /** Mode flags of short syntax (`ro`, `rw`, `z`, …), empty for long syntax. */
  modes: string[];
  readOnly: boolean;
  /** The `bind.propagation` value node (long syntax only). */
  propagation: { value: string; node: unknown; bindNode: unknown } | undefined;
  /** True when a path or name uses `${…}` interpolation. */
  interpolated: boolean;
  /** True when the `volumes:` list is a flow sequence (`[…]`). */
  inFlowList: boolean;
}

/** A named volume declared at the top level. */
export interface TopLevelVolume {
  name: string;
  keyRange: Range;
  /** A host directory the volume is backed by (`driver_opts.device` of a bind, or `driver_opts.mountpoint`). */
  hostPath: { path: string; node: unknown } | undefined;
}

/** True when a short-syntax source is a host path rather than a volume name. */
export function isHostPath(source: string): boolean {
  return /^([/.~$]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

/** Splits at `:` except inside `${…}` interpolations. */
function splitOutsideBraces(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '$' && text[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === ':' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** Splits short syntax `SOURCE:TARGET:MODE` (Windows drive letters kept in the source). */
export function splitShortVolume(raw: string): { source?: string; target: string; mode?: string } {
  let rest = raw.trim();
  let drive = '';
  if (/^[A-Za-z]:[\\/]/.test(rest)) {
    drive = rest.slice(0, 2);
    rest = rest.slice(2);
  }
  const parts = splitOutsideBraces(rest);
  if (parts.length === 1) return { target: drive + (parts[0] ?? '') };
  const out: { source?: string; target: string; mode?: string } = { source: drive + (parts[0] ?? ''), target: parts[1] ?? '' };
  if (parts.length >= 3) out.mode = parts.slice(2).join(':');
  return out;
}

const TYPES: Record<string, MountType> = { bind: 'bind', volume: 'volume', tmpfs: 'tmpfs' };

function parseOne(file: YamlFile, field: ServiceField, item: unknown): VolumeMount | undefined {
  const base = { node: item, at: locate(file, field, item), inherited: field.inherited, inFlowList: (field.value as { flow?: boolean }).flow === true };
  if (isMap(item)) {
    const source = stringValue(mapGet(item, 'source'));
    const target = stringValue(mapGet(item, 'target'));
    const declared = stringValue(mapGet(item, 'type'));
    let type: MountType = declared === undefined ? (source === undefined ? 'anonymous' : isHostPath(source) ? 'bind' : 'volume') : (TYPES[declared] ?? 'other');
    if (type === 'volume' && source === undefined) type = 'anonymous';
    const bindNode = mapGet(item, 'bind');
    const propNode = mapGet(bindNode, 'propagation');
    const prop = stringValue(propNode);
    return {
      ...base,
      long: true,
      type,
      source,
      target,
      modes: [],
      readOnly: scalarValue(mapGet(item, 'read_only')) === true,
      propagation: prop === undefined ? undefined : { value: prop, node: propNode, bindNode },
      interpolated: `${source ?? ''}${target ?? ''}`.includes('$'),
    };
  }
  const raw = stringValue(item);
  if (raw === undefined) return undefined;
  const split = splitShortVolume(raw);
  const modes = split.mode === undefined ? [] : split.mode.split(',').map((m) => m.trim());
  const type: MountType = split.source === undefined ? 'anonymous' : isHostPath(split.source) ? 'bind' : 'volume';
  return {
    ...base,
    long: false,
    type,
    source: split.source,
    target: split.target,
    modes,
    readOnly: modes.includes('ro'),
    propagation: undefined,
    interpolated: raw.includes('$'),
  };
}

/** Parses the `volumes` field of a service. */
export function parseVolumeMounts(file: YamlFile, field: ServiceField | undefined): VolumeMount[] {
  if (!field) return [];
  const out: VolumeMount[] = [];
  for (const item of seqItems(field.value)) {
    const v = parseOne(file, field, item);
    if (v) out.push(v);
  }
  return out;
}

/** Parses the top-level `volumes` map. */
export function parseTopLevelVolumes(file: YamlFile, doc: YamlDocument, node: unknown): TopLevelVolume[] {
  const out: TopLevelVolume[] = [];
  for (const pair of mapPairs(node)) {
    const name = stringValue(pair.key);
    const keyRange = nodeRange(file, pair.key);
    if (name === undefined || !keyRange) continue;
    const opts = deref(doc, mapGet(deref(doc, pair.value), 'driver_opts'));
    const device = pairOf(opts, 'device');
    const mountpoint = pairOf(opts, 'mountpoint');
    const o = stringValue(mapGet(opts, 'o')) ?? '';
    const type = stringValue(mapGet(opts, 'type')) ?? '';
    let hostPath: TopLevelVolume['hostPath'];
    const devicePath = stringValue(device?.value);
    const mountPath = stringValue(mountpoint?.value);
    if (device && devicePath !== undefined && (/\bbind\b/.test(o) || type === 'none') && isHostPath(devicePath)) hostPath = { path: devicePath, node: device.value };
    else if (mountpoint && mountPath !== undefined && isHostPath(mountPath)) hostPath = { path: mountPath, node: mountpoint.value };
    out.push({ name, keyRange, hostPath });
  }
  return out;
}
