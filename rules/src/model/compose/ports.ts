/**
 * Published ports of a service, in both Compose syntaxes:
 * short `"[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"` (ranges `a-b`, IPv6 hosts in brackets)
 * and long maps `{target, published, host_ip, protocol, mode}`.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, isMap, mapGet, seqItems, stringValue } from '../yaml/documents';
import { type ServiceField, locate } from './fields';

/** An inclusive port range; a single port has `start === end`. */
export interface PortRange {
  start: number;
  end: number;
}

/** One entry of `ports:`. */
export interface PortMapping {
  /** The item node (a scalar for short syntax, a map for long syntax). */
  node: unknown;
  /** Where to report: the item, or the merge entry it was inherited through. */
  at: Range;
  inherited: boolean;
  long: boolean;
  /** Host address the port is bound to; undefined means all interfaces. */
  hostIp: string | undefined;
  /** Host port(s); undefined when Docker picks an ephemeral port. */
  hostPorts: PortRange | undefined;
  /** Container port(s); undefined when unreadable. */
  containerPorts: PortRange | undefined;
  protocol: string | undefined;
  /** True when the value uses `${…}` interpolation, so it cannot be judged statically. */
  interpolated: boolean;
}

/** Parses `80` or `8000-8010`; undefined for anything else. */
export function parsePortRange(text: string | undefined): PortRange | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return { start, end };
}

/** Splits short syntax into host ip, host port and container port texts. */
export function splitShortPort(raw: string): { hostIp?: string; host?: string; container: string; protocol?: string } {
  let rest = raw.trim();
  let protocol: string | undefined;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      hostIp = rest.slice(1, close);
      rest = rest.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = rest.split(':');
  const out: { hostIp?: string; host?: string; container: string; protocol?: string } = { container: parts[parts.length - 1] ?? '' };
  if (protocol !== undefined) out.protocol = protocol;
  if (parts.length >= 2) out.host = parts[parts.length - 2];
  if (parts.length >= 3) hostIp = parts.slice(0, parts.length - 2).join(':');
  if (hostIp !== undefined) out.hostIp = hostIp;
  return out;
}

function emptyToUndefined(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

function parseOne(file: YamlFile, field: ServiceField, item: unknown): PortMapping | undefined {
  const base = { node: item, at: locate(file, field, item), inherited: field.inherited };
  if (isMap(item)) {
    let published = stringValue(mapGet(item, 'published'));
    let hostIp = emptyToUndefined(stringValue(mapGet(item, 'host_ip')));
    // Not valid Compose, but seen in the wild (and accepted by KICS): `published: 127.0.0.1:8080`.
    if (published !== undefined && published.includes(':') && hostIp === undefined) {
      const split = splitShortPort(published);
      hostIp = emptyToUndefined(split.host);
      published = split.container;
    } else if (published !== undefined && /^\d{1,3}(\.\d{1,3}){3}$/.test(published) && hostIp === undefined) {
      hostIp = published;
      published = undefined;
    }
    const target = stringValue(mapGet(item, 'target'));
    return {
      ...base,
      long: true,
      hostIp,
      hostPorts: parsePortRange(emptyToUndefined(published)),
      containerPorts: parsePortRange(target),
      protocol: stringValue(mapGet(item, 'protocol')),
      interpolated: `${published ?? ''}${target ?? ''}${hostIp ?? ''}`.includes('$'),
    };
  }
  const raw = stringValue(item);
  if (raw === undefined) return undefined;
  const split = splitShortPort(raw);
  return {
    ...base,
    long: false,
    hostIp: emptyToUndefined(split.hostIp),
    hostPorts: parsePortRange(emptyToUndefined(split.host)),
    containerPorts: parsePortRange(split.container),
    protocol: split.protocol,
    interpolated: raw.includes('$'),
  };
}

/** Parses the `ports` field of a service. */
export function parsePorts(file: YamlFile, field: ServiceField | undefined): PortMapping[] {
  if (!field) return [];
  const out: PortMapping[] = [];
  for (const item of seqItems(field.value)) {
    const p = parseOne(file, field, item);
    if (p) out.push(p);
  }
  return out;
}

/** True when the mapping listens on every host interface (no host IP, `0.0.0.0` or `::`). */
export function bindsAllInterfaces(p: PortMapping): boolean {
  if (p.hostIp === undefined) return true;
  const ip = p.hostIp.replace(/^\[|\]$/g, '');
  return ip === '0.0.0.0' || ip === '::' || ip === '*';
}
