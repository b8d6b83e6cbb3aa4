/**
 * Accessors for mvdan-sh's internal (GopherJS) syntax tree: node types come from the Go type
 * name, slices are `{$array, $offset, $length}`, nil pointers are the type's `nil` sentinel and
 * positions are UTF-8 byte offsets. Every accessor tolerates missing or unexpected shapes.
 */

/** An internal Go syntax node, read field by field. */
export type GoNode = { readonly [field: string]: unknown };

interface GoCtor { string?: unknown; nil?: unknown }

/** `CallExpr`, `BinaryCmd`, … or undefined for nil / non-nodes. */
export function goType(x: unknown): string | undefined {
  if (x === null || typeof x !== 'object') return undefined;
  const c = (x as { constructor?: GoCtor }).constructor;
  if (!c || typeof c.string !== 'string' || c.nil === x) return undefined;
  const s = c.string;
  const dot = s.lastIndexOf('.');
  return dot >= 0 ? s.slice(dot + 1) : s;
}

/** The node in a field, or undefined when nil. */
export function goNode(x: unknown): GoNode | undefined {
  return goType(x) === undefined ? undefined : (x as GoNode);
}

/** The non-nil nodes of a Go slice field. */
export function goSlice(x: unknown): GoNode[] {
  if (x === null || typeof x !== 'object') return [];
  const s = x as { $array?: unknown; $offset?: unknown; $length?: unknown };
  if (!s.$array || typeof s.$offset !== 'number' || typeof s.$length !== 'number') return [];
  const arr = s.$array as ArrayLike<unknown>;
  const out: GoNode[] = [];
  for (let i = 0; i < s.$length; i++) {
    const n = goNode(arr[s.$offset + i]);
    if (n) out.push(n);
  }
  return out;
}

function offs(n: GoNode, method: 'Pos' | 'End'): number {
  const f = n[method];
  if (typeof f !== 'function') return 0;
  const p = (f as () => unknown).call(n) as { offs?: unknown } | undefined;
  return typeof p?.offs === 'number' ? p.offs : 0;
}
/** Start byte offset of a node. */
export function goPos(n: GoNode): number {
  return offs(n, 'Pos');
}
/** End byte offset of a node (exclusive). */
export function goEnd(n: GoNode): number {
  return offs(n, 'End');
}
/** A numeric field (operators). */
export function goNum(n: GoNode, field: string): number {
  const v = n[field];
  return typeof v === 'number' ? v : -1;
}
