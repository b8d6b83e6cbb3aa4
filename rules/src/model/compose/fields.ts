/**
 * Service fields as Compose sees them: own keys first, then keys merged in through YAML merge
 * keys (`<<: *anchor` or `<<: [*a, *b]`), each with the place findings about it should go.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type YamlDocument, type Pair, mapPairs, nodeRange, stringValue, isMap, isSeq, deref } from '../yaml/documents';

/** A service field as Compose sees it, with where it came from. */
export interface ServiceField {
  key: string;
  /** The pair in the service map, or in the anchored map it was merged from. */
  pair: Pair;
  /** The value node, with a top-level alias resolved. */
  value: unknown;
  /** True when the value comes from a merge key (`<<: *x`) rather than the service itself. */
  inherited: boolean;
  /** Where findings about this field go: the key in the service, or the `<<` entry it was merged through. */
  at: Range;
}

/** Collects the pairs of a map, following merge keys; the first occurrence of a key wins. */
export function collectFields(file: YamlFile, doc: YamlDocument, map: unknown, out: Map<string, ServiceField>, via: Range | undefined, depth: number): void {
  if (!isMap(map) || depth > 10) return;
  const merges: Pair[] = [];
  for (const pair of mapPairs(map)) {
    const key = stringValue(pair.key);
    if (key === undefined) continue;
    if (key === '<<') {
      merges.push(pair);
      continue;
    }
    if (out.has(key)) continue;
    const at = via ?? nodeRange(file, pair.key);
    if (!at) continue;
    out.set(key, { key, pair, value: deref(doc, pair.value), inherited: via !== undefined, at });
  }
  for (const m of merges) {
    const at = via ?? nodeRange(file, m.value) ?? nodeRange(file, m.key);
    if (!at) continue;
    const target = deref(doc, m.value);
    const sources = isSeq(target) ? target.items.map((i) => deref(doc, i)) : [target];
    for (const src of sources) collectFields(file, doc, src, out, at, depth + 1);
  }
}

/** Range of a node without trailing whitespace (block collections otherwise end on the next line). */
export function tightRange(file: YamlFile, node: unknown): Range | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!Array.isArray(r)) return nodeRange(file, node);
  let end = r[1];
  while (end > r[0] && /\s/.test(file.text[end - 1] ?? '')) end--;
  return file.lines.range(r[0], end);
}

/** Where to report about `node` found inside `field`: the node itself, or the merge entry when inherited. */
export function locate(file: YamlFile, field: ServiceField, node: unknown): Range {
  if (field.inherited) return field.at;
  return tightRange(file, node) ?? field.at;
}
