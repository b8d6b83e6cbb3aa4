/**
 * The Compose model: the `services` map of a Compose file with each service's fields resolved
 * once (own keys, YAML merge keys `<<: *anchor`, and same-file `extends`), plus the parsed
 * forms rules share (ports, volumes, security options, capabilities, environment).
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type YamlDocument, mapGet, mapPairs, nodeRange, stringValue, isMap, deref } from '../yaml/documents';
import { type ServiceField, collectFields } from './fields';
import { parsePorts, type PortMapping } from './ports';
import { parseVolumeMounts, parseTopLevelVolumes, type VolumeMount, type TopLevelVolume } from './volumes';
import { parseSecurityOpts, parseCaps, parseEnvironment, parseSecretRefs, type SecurityOpt, type CapEntry, type EnvVar, type SecretRef } from './options';

/** One service under `services:`. */
export interface ComposeService {
  name: string;
  /** The service's map node (aliases resolved). */
  node: unknown;
  doc: YamlDocument;
  /** The service key's range: where findings about the service as a whole go. */
  range: Range;
  /** Own and merged fields by key (own keys win over merged ones, earlier merges over later). */
  fields: ReadonlyMap<string, ServiceField>;
  /** The service named by a same-file `extends`, when there is one. */
  base: ComposeService | undefined;
  /**
   * True when the service is visibly a fragment (it is in an override file, extends a service in
   * another file, or has neither `image`, `build` nor `extends`); "missing X" rules skip it.
   */
  partial: boolean;
  ports: PortMapping[];
  volumes: VolumeMount[];
  securityOpts: SecurityOpt[];
  capAdd: CapEntry[];
  capDrop: CapEntry[];
  environment: EnvVar[];
  secrets: SecretRef[];
}

export type { ServiceField } from './fields';
export { locate, tightRange } from './fields';

/** A Compose file. */
export interface ComposeModel {
  file: YamlFile;
  services: ComposeService[];
  /** The top-level `volumes` map entries (named volumes and their driver options). */
  volumes: TopLevelVolume[];
  /** Names of the top-level `secrets` and where each comes from. */
  secrets: TopLevelSecret[];
  /** The top-level `version`, when given (obsolete, but some checks depend on it). */
  version: string | undefined;
  /** True for override files (`compose.override.yaml`, `docker-compose.override.yml` …), which Compose merges onto a base file. */
  override: boolean;
}

/** A secret declared at the top level. */
export interface TopLevelSecret {
  name: string;
  keyRange: Range;
  /** Where the value comes from: a `file`, an `environment` variable, inline `content`, or `external`. */
  from: 'file' | 'environment' | 'content' | 'external' | 'unknown';
}

function parseTopLevelSecrets(file: YamlFile, doc: YamlDocument, node: unknown): TopLevelSecret[] {
  const out: TopLevelSecret[] = [];
  for (const pair of mapPairs(node)) {
    const name = stringValue(pair.key);
    const keyRange = nodeRange(file, pair.key);
    if (name === undefined || !keyRange) continue;
    const v = deref(doc, pair.value);
    const from = (['file', 'environment', 'content', 'external'] as const).find((k) => mapGet(v, k) !== undefined) ?? 'unknown';
    out.push({ name, keyRange, from });
  }
  return out;
}

/** True when a path names a Compose override file, whose services are fragments by design. */
export function isOverrideFile(path: string | undefined): boolean {
  const name = (path ?? '').split(/[\\/]/).pop() ?? '';
  return /(^|[.-])override\.ya?ml$/i.test(name);
}

/** The field `key` of a service (own or merged), or undefined. */
export function fieldOf(s: ComposeService, key: string): ServiceField | undefined {
  return s.fields.get(key);
}

/** The field `key` of a service or, when it has none, of the services it extends in this file. */
export function resolvedField(s: ComposeService, key: string): ServiceField | undefined {
  const seen = new Set<ComposeService>();
  for (let cur: ComposeService | undefined = s; cur && !seen.has(cur); cur = cur.base) {
    seen.add(cur);
    const f = cur.fields.get(key);
    if (f) return f;
  }
  return undefined;
}

/** The `extends` target of a service: a service name, or undefined; `external` when it names another file. */
function extendsOf(fields: ReadonlyMap<string, ServiceField>): { service: string | undefined; external: boolean } | undefined {
  const f = fields.get('extends');
  if (!f) return undefined;
  const short = stringValue(f.value);
  if (short !== undefined) return { service: short, external: false };
  const file = mapGet(f.value, 'file');
  return { service: stringValue(mapGet(f.value, 'service')), external: file !== undefined && file !== null };
}

function buildService(file: YamlFile, doc: YamlDocument, name: string, node: unknown, range: Range): ComposeService {
  const fields = new Map<string, ServiceField>();
  collectFields(file, doc, node, fields, undefined, 0);
  const fieldIn = (key: string): ServiceField | undefined => fields.get(key);
  return {
    name,
    node,
    doc,
    range,
    fields,
    base: undefined,
    partial: false,
    ports: parsePorts(file, fieldIn('ports')),
    volumes: parseVolumeMounts(file, fieldIn('volumes')),
    securityOpts: parseSecurityOpts(file, fieldIn('security_opt')),
    capAdd: parseCaps(file, fieldIn('cap_add')),
    capDrop: parseCaps(file, fieldIn('cap_drop')),
    environment: parseEnvironment(file, fieldIn('environment')),
    secrets: parseSecretRefs(file, fieldIn('secrets')),
  };
}

/**
 * Extracts services from the first document that has a `services` map. Never throws. `path`
 * (optional) lets override files mark every service partial.
 */
export function composeModelOf(file: YamlFile, path?: string): ComposeModel {
  const override = isOverrideFile(path);
  const services: ComposeService[] = [];
  let version: string | undefined;
  let volumes: TopLevelVolume[] = [];
  let secrets: TopLevelSecret[] = [];
  for (const doc of file.documents) {
    const servicesNode = deref(doc, mapGet(doc.root, 'services'));
    if (!isMap(servicesNode)) continue;
    version = stringValue(mapGet(doc.root, 'version'));
    volumes = parseTopLevelVolumes(file, doc, deref(doc, mapGet(doc.root, 'volumes')));
    secrets = parseTopLevelSecrets(file, doc, deref(doc, mapGet(doc.root, 'secrets')));
    for (const pair of mapPairs(servicesNode)) {
      const name = stringValue(pair.key);
      const node = deref(doc, pair.value);
      const range = nodeRange(file, pair.key);
      if (name === undefined || !isMap(node) || !range) continue;
      services.push(buildService(file, doc, name, node, range));
    }
    break;
  }
  const byName = new Map(services.map((s) => [s.name, s]));
  for (const s of services) {
    const ext = extendsOf(s.fields);
    if (ext && !ext.external && ext.service !== undefined) s.base = byName.get(ext.service);
    const hasImage = resolvedField(s, 'image') !== undefined || resolvedField(s, 'build') !== undefined;
    s.partial = override || (ext !== undefined && (ext.external || s.base === undefined)) || (ext === undefined && !hasImage);
  }
  return { file, services, volumes, secrets, version, override };
}

/** True when a YAML root looks like a Compose file (a top-level `services` map). */
export function hasServicesMap(root: unknown): boolean {
  return isMap(mapGet(root, 'services'));
}

/** The service that defines `key` for `s`: `s` itself (own or merged key) or a service it extends in this file. */
export function definingService(s: ComposeService, key: string): ComposeService | undefined {
  const seen = new Set<ComposeService>();
  for (let cur: ComposeService | undefined = s; cur && !seen.has(cur); cur = cur.base) {
    seen.add(cur);
    if (cur.fields.has(key)) return cur;
  }
  return undefined;
}
