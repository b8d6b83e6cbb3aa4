/** The effective runAsUser / runAsGroup of a container compared with a floor, shared by the run-as-high-* rules. */
import type { KubernetesContext } from '../../engine/rule';
import { nodeRange, scalarValue } from '../yaml/documents';
import { containerLabel, effectiveSecurity, objectLabel, type Container } from './workloads';
import { deepestKeyRange } from './pod';

/** IDs at or below this may collide with real users and groups on the host. */
export const HIGH_ID_LIMIT = 10000;

type HighIdMessages = { low: (where: string, id: number) => string; unset: (container: string) => string };

/** Reports an unset `field` (complete containers only) or a numeric value at or below HIGH_ID_LIMIT, where it is set. */
export function reportLowId(c: Container, ctx: KubernetesContext<HighIdMessages>, field: 'runAsUser' | 'runAsGroup'): void {
  const eff = effectiveSecurity(c, field);
  const file = c.workload.object.file;
  if (eff.level === 'unset') {
    if (!c.partial) ctx.report({ at: deepestKeyRange(c, ['securityContext']) ?? c.range, messageId: 'unset', args: [containerLabel(c)] });
    return;
  }
  const id = scalarValue(eff.node);
  if (typeof id !== 'number' || id > HIGH_ID_LIMIT) return;
  const where = eff.level === 'container' ? containerLabel(c) : objectLabel(c.workload.object);
  ctx.report({ at: nodeRange(file, eff.node) ?? c.range, messageId: 'low', args: [where, id] });
}
