/**
 * Small per-service lists parsed once: `security_opt` entries (`key:value` or `key=value`),
 * `cap_add`/`cap_drop` (case-insensitive, `CAP_` prefix optional), `environment`
 * (map form or `KEY=VALUE` list form) and `secrets` references.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type Pair, isMap, isScalar, mapGet, mapPairs, nodeRange, seqItems, stringValue } from '../yaml/documents';
import { type ServiceField, locate } from './fields';

/** One `security_opt` entry, split at the first `:` or `=`. */
export interface SecurityOpt {
  node: unknown;
  at: Range;
  inherited: boolean;
  raw: string;
  /** Lower-case option name, e.g. `seccomp`, `apparmor`, `label`, `no-new-privileges`. */
  key: string;
  /** The value after the separator (trimmed), or undefined for a bare flag. */
  value: string | undefined;
}

/** One capability in `cap_add` or `cap_drop`. */
export interface CapEntry {
  node: unknown;
  at: Range;
  inherited: boolean;
  raw: string;
  /** Upper-case name without the `CAP_` prefix, e.g. `SYS_ADMIN`, `ALL`. */
  name: string;
}

/** One environment variable. */
export interface EnvVar {
  name: string;
  /** The literal value; undefined when the variable is passed through from the host (`KEY` or `KEY:`). */
  value: string | undefined;
  /** The list item (list form) or the pair (map form). */
  node: unknown;
  /** The value node (map form only). */
  valueNode: unknown;
  at: Range;
  inherited: boolean;
}

/** Splits `key:value` / `key=value` at whichever separator comes first. */
export function splitOption(raw: string): { key: string; value: string | undefined } {
  const m = /[:=]/.exec(raw);
  if (!m) return { key: raw.trim().toLowerCase(), value: undefined };
  return { key: raw.slice(0, m.index).trim().toLowerCase(), value: raw.slice(m.index + 1).trim() };
}

/** Parses `security_opt`. */
export function parseSecurityOpts(file: YamlFile, field: ServiceField | undefined): SecurityOpt[] {
  if (!field) return [];
  const out: SecurityOpt[] = [];
  for (const item of seqItems(field.value)) {
    const raw = stringValue(item);
    if (raw === undefined) continue;
    out.push({ node: item, at: locate(file, field, item), inherited: field.inherited, raw, ...splitOption(raw) });
  }
  return out;
}

/** Normalises a capability name: upper case, without `CAP_`. */
export function capName(raw: string): string {
  const up = raw.trim().toUpperCase();
  return up.startsWith('CAP_') ? up.slice(4) : up;
}

/** Parses `cap_add` or `cap_drop`. */
export function parseCaps(file: YamlFile, field: ServiceField | undefined): CapEntry[] {
  if (!field) return [];
  const out: CapEntry[] = [];
  for (const item of seqItems(field.value)) {
    const raw = stringValue(item);
    if (raw === undefined) continue;
    out.push({ node: item, at: locate(file, field, item), inherited: field.inherited, raw, name: capName(raw) });
  }
  return out;
}

function fromPair(file: YamlFile, field: ServiceField, pair: Pair): EnvVar | undefined {
  const name = stringValue(pair.key);
  if (name === undefined) return undefined;
  const value = isMap(pair.value) ? undefined : stringValue(pair.value);
  const at = field.inherited ? field.at : nodeRange(file, pair) ?? field.at;
  return { name, value, node: pair, valueNode: pair.value, at, inherited: field.inherited };
}

/** Parses `environment` in map or list form. */
export function parseEnvironment(file: YamlFile, field: ServiceField | undefined): EnvVar[] {
  if (!field) return [];
  const out: EnvVar[] = [];
  if (isMap(field.value)) {
    for (const pair of mapPairs(field.value)) {
      const v = fromPair(file, field, pair);
      if (v) out.push(v);
    }
    return out;
  }
  for (const item of seqItems(field.value)) {
    const raw = stringValue(item);
    if (raw === undefined) continue;
    const eq = raw.indexOf('=');
    const name = (eq < 0 ? raw : raw.slice(0, eq)).trim();
    if (name === '') continue;
    out.push({ name, value: eq < 0 ? undefined : raw.slice(eq + 1), node: item, valueNode: undefined, at: locate(file, field, item), inherited: field.inherited });
  }
  return out;
}

/** Capabilities that give a container a direct path to host compromise (or all of them). */
export const DANGEROUS_CAPS: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'NET_ADMIN', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG']);

/** The Pod Security Standards baseline set: capabilities a container may add (Docker grants most by default). */
export const BASELINE_CAPS: ReadonlySet<string> = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** One entry of a service's `secrets:` (short `name` or long `{source, target, mode …}`). */
export interface SecretRef {
  source: string;
  /** Mount target (long syntax), else undefined (Compose uses /run/secrets/<source>). */
  target: string | undefined;
  /** File mode as written (long syntax), e.g. 0440. */
  mode: string | undefined;
  node: unknown;
  at: Range;
  inherited: boolean;
}

/** Parses a service's `secrets`. */
export function parseSecretRefs(file: YamlFile, field: ServiceField | undefined): SecretRef[] {
  if (!field) return [];
  const out: SecretRef[] = [];
  for (const item of seqItems(field.value)) {
    const source = stringValue(item) ?? stringValue(mapGet(item, 'source'));
    if (source === undefined) continue;
    const modeNode = mapGet(item, 'mode');
    const mode = isScalar(modeNode) && typeof modeNode.source === 'string' ? modeNode.source : stringValue(modeNode);
    out.push({ source, target: stringValue(mapGet(item, 'target')), mode, node: item, at: locate(file, field, item), inherited: field.inherited });
  }
  return out;
}
