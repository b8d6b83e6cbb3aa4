/** Label selectors (matchLabels / matchExpressions, or a plain map as in Services) and pod labels. */
import { mapGet, mapPairs, seqItems, stringValue, isMap } from '../yaml/documents';
import type { Workload } from './workloads';

export type Labels = ReadonlyMap<string, string>;

/** A map node of string values as a Map. */
export function labelsOf(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of mapPairs(node)) {
    const k = stringValue(p.key);
    const v = stringValue(p.value);
    if (k !== undefined && v !== undefined) out.set(k, v);
  }
  return out;
}

/** The labels of the pods a workload creates. */
export function podLabelsOf(w: Workload): Map<string, string> {
  return labelsOf(mapGet(w.podMetadata, 'labels'));
}

/** True when a LabelSelector node (matchLabels + matchExpressions) selects `labels`; an empty selector selects everything. */
export function selects(selector: unknown, labels: Labels): boolean {
  if (!isMap(selector)) return selector === undefined || selector === null;
  for (const [k, v] of labelsOf(mapGet(selector, 'matchLabels'))) if (labels.get(k) !== v) return false;
  for (const e of seqItems(mapGet(selector, 'matchExpressions'))) {
    const key = stringValue(mapGet(e, 'key')) ?? '';
    const op = stringValue(mapGet(e, 'operator'));
    const values = seqItems(mapGet(e, 'values')).map(stringValue);
    const has = labels.has(key);
    const value = labels.get(key);
    if (op === 'In' && !(has && values.includes(value))) return false;
    if (op === 'NotIn' && has && values.includes(value)) return false;
    if (op === 'Exists' && !has) return false;
    if (op === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** True when the selector has no terms (selects all pods). */
export function isEmptySelector(selector: unknown): boolean {
  return mapPairs(mapGet(selector, 'matchLabels')).length === 0 && seqItems(mapGet(selector, 'matchExpressions')).length === 0;
}
