/**
 * Resource limits of a service, accepted in every spelling Compose understands regardless of
 * the obsolete top-level `version` (KICS only checks `deploy.resources` for version >= 3 and
 * `pids_limit` for version < 3; Compose itself honours both forms):
 * memory: `mem_limit` or `deploy.resources.limits.memory`; CPU: `cpus`, `cpu_quota` or
 * `deploy.resources.limits.cpus`; PIDs: `pids_limit` or `deploy.resources.limits.pids`.
 */
import type { Range } from 'vscode-languageserver-types';
import { mapGet, pairOf, isMap, nodeRange } from '../yaml/documents';
import type { YamlFile } from '../yaml/documents';
import { type ComposeService, type ServiceField, resolvedField } from './services';

export type LimitKind = 'memory' | 'cpus' | 'pids';

const SERVICE_KEYS: Record<LimitKind, readonly string[]> = { memory: ['mem_limit'], cpus: ['cpus', 'cpu_quota'], pids: ['pids_limit'] };

/** Where a limit is set: the value node and the field it belongs to. */
export interface LimitSetting {
  value: unknown;
  field: ServiceField;
}

/** The limit of one kind, or undefined when none is set (here or in an extended service). */
export function limitOf(s: ComposeService, kind: LimitKind): LimitSetting | undefined {
  for (const key of SERVICE_KEYS[kind]) {
    const field = resolvedField(s, key);
    if (field && field.value !== null && field.value !== undefined) return { value: field.value, field };
  }
  const deploy = resolvedField(s, 'deploy');
  const value = mapGet(mapGet(mapGet(deploy?.value, 'resources'), 'limits'), kind);
  if (deploy && value !== undefined && value !== null) return { value, field: deploy };
  return undefined;
}

/** The `deploy.resources.limits` map of the service itself, when it exists. */
export function ownLimitsMap(s: ComposeService): unknown {
  const deploy = s.fields.get('deploy');
  if (!deploy || deploy.inherited) return undefined;
  const limits = mapGet(mapGet(deploy.value, 'resources'), 'limits');
  return isMap(limits) ? limits : undefined;
}

/**
 * Where to report a missing limit: the deepest of `deploy`, `deploy.resources` and
 * `deploy.resources.limits` that the service has (that is where the limit belongs), else the service key.
 */
export function missingLimitRange(file: YamlFile, s: ComposeService): Range {
  const deploy = s.fields.get('deploy');
  if (!deploy) return s.range;
  if (deploy.inherited) return deploy.at;
  let range = nodeRange(file, deploy.pair.key) ?? s.range;
  let cur: unknown = deploy.value;
  for (const key of ['resources', 'limits']) {
    const pair = pairOf(cur, key);
    if (!pair) break;
    range = nodeRange(file, pair.key) ?? range;
    cur = pair.value;
  }
  return range;
}
