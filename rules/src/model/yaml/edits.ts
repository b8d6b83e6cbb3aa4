/**
 * Minimal, style-preserving YAML edits computed from node ranges (never by re-serialising the
 * document): comments, key order, quoting, indentation, flow vs block style and the other
 * documents of the stream stay exactly as written. Every function returns undefined when it
 * cannot edit safely (missing source ranges, a scalar where a map is needed …), so callers simply
 * offer no fix.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { Scalar } from 'yaml';
import type { YAMLMap, YAMLSeq, Pair } from 'yaml';
import { type YamlFile, pairOf, isMap, isSeq, isScalar, isPair } from './documents';

/** A value to write: scalars, arrays (always written in flow style `[a, b]`) and maps. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

type Span = [number, number, number];

function span(node: unknown): Span | undefined {
  const r = (node as { range?: Span } | null | undefined)?.range;
  return Array.isArray(r) ? r : undefined;
}

function edit(file: YamlFile, start: number, end: number, newText: string): TextEdit {
  return { range: file.lines.range(start, end), newText };
}

/**
 * Line ending of the last file fixes were built for, found once: fixes are built for many
 * findings, each scan was the whole text. One entry, not a WeakMap: a weak entry per linted file
 * doubled the garbage collector's share of a manifest's lint.
 */
let eolFile: YamlFile | undefined;
let eolOfFile = '\n';

function eol(file: YamlFile): string {
  if (file !== eolFile) {
    eolFile = file;
    eolOfFile = file.text.includes('\r\n') ? '\r\n' : '\n';
  }
  return eolOfFile;
}

function column(file: YamlFile, offset: number): number {
  return file.lines.positionAt(offset).character;
}

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.inf|\.nan|[0-9][0-9_.:eE+-]*|0x[0-9a-fA-F]+|0o[0-7]+))$/i;

/** Renders a scalar for YAML (plain when unambiguous, else double-quoted) or for JSON-style flow (`json`). */
export function renderScalar(value: string | number | boolean | null, json = false): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (!json && /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/.test(value) && !value.endsWith(' ') && !RESERVED.test(value)) return value;
  return JSON.stringify(value);
}

function isRecord(v: YamlValue): v is { readonly [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renders any value in flow style: `{a: 1, b: [x]}` (JSON-compatible quoting when `json`). */
export function renderFlow(value: YamlValue, json = false): string {
  if (Array.isArray(value)) return `[${value.map((v: YamlValue) => renderFlow(v, json)).join(', ')}]`;
  if (isRecord(value)) return `{${Object.entries(value).map(([k, v]) => `${renderScalar(k, json)}: ${renderFlow(v, json)}`).join(', ')}}`;
  return renderScalar(value as string | number | boolean | null, json);
}

/** Renders `key: value` lines in block style at `indent` spaces; nested maps go `unit` deeper, arrays stay flow. */
function renderBlockPair(key: string, value: YamlValue, indent: number, unit: number, nl: string): string {
  const pad = ' '.repeat(indent);
  if (isRecord(value) && Object.keys(value).length > 0) {
    return `${pad}${renderScalar(key)}:${nl}${Object.entries(value).map(([k, v]) => renderBlockPair(k, v, indent + unit, unit, nl)).join('')}`;
  }
  return `${pad}${renderScalar(key)}: ${renderFlow(value)}${nl}`;
}

function nest(path: readonly string[], value: YamlValue): YamlValue {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) v = { [path[i] as string]: v };
  return v;
}

/** Offset where a new line can be inserted after `end` (start of the following line, or EOF). */
function lineAfter(file: YamlFile, end: number): { offset: number; prefix: string } {
  const t = file.text;
  if (end > 0 && t[end - 1] === '\n') return { offset: end, prefix: '' };
  const nl = t.indexOf('\n', end);
  if (nl < 0) return { offset: t.length, prefix: eol(file) };
  return { offset: nl + 1, prefix: '' };
}

/** End offset of the source of a pair (its value, else its key). */
function pairEnd(p: Pair): number | undefined {
  const v = span(p.value);
  const k = span(p.key);
  if (v && v[1] > v[0]) return v[1];
  return k?.[1];
}

/** The indentation step used by a document: the first nested block map's offset from its parent key, else 2. */
export function indentUnit(file: YamlFile, root: unknown): number {
  const stack: unknown[] = [root];
  let guard = 0;
  while (stack.length > 0 && guard++ < 2000) {
    const n = stack.shift();
    if (!isMap(n) || n.flow) continue;
    for (const p of n.items) {
      const k = span(p.key);
      const v = p.value;
      if (k && isMap(v) && !v.flow && span(v)) return Math.max(1, column(file, (span(v) as Span)[0]) - column(file, k[0]));
      if (isMap(v)) stack.push(v);
      if (isSeq(v)) for (const it of v.items) stack.push(it);
    }
  }
  return 2;
}

function isJsonStyle(map: YAMLMap): boolean {
  const k = map.items[0]?.key;
  return isScalar(k) && k.type === Scalar.QUOTE_DOUBLE;
}

/** Adds `key: value` as the last entry of a map (block or flow); undefined when the map has no source. */
export function addKey(file: YamlFile, map: unknown, key: string, value: YamlValue, unit = 2): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  const s = span(map);
  if (!s) return undefined;
  if (map.flow) {
    const json = isJsonStyle(map);
    const close = file.text.lastIndexOf('}', s[1]);
    if (close < s[0]) return undefined;
    const last = map.items[map.items.length - 1];
    const entry = `${renderScalar(key, json)}: ${renderFlow(value, json)}`;
    if (!last) return edit(file, close, close, entry);
    const end = pairEnd(last);
    return end === undefined ? undefined : edit(file, end, end, `, ${entry}`);
  }
  const first = span(map.items[0]?.key);
  const last = map.items[map.items.length - 1];
  const end = last ? pairEnd(last) : undefined;
  if (!first || end === undefined) return undefined;
  const at = lineAfter(file, end);
  const nl = eol(file);
  return edit(file, at.offset, at.offset, at.prefix + renderBlockPair(key, value, column(file, first[0]), unit, nl));
}

/**
 * Sets `path` (map keys) under `map` to `value`: follows existing maps, creates the missing
 * ones, and replaces the final value when the key already exists. Use it for fixes such as
 * `securityContext.allowPrivilegeEscalation: false` or `resources.limits.memory`.
 */
export function setIn(file: YamlFile, map: unknown, path: readonly string[], value: YamlValue, unit?: number): TextEdit | undefined {
  if (path.length === 0 || !isMap(map)) return undefined;
  const step = unit ?? 2;
  const [head, ...rest] = path as [string, ...string[]];
  const pair = pairOf(map, head);
  if (!pair) return addKey(file, map, head, nest(rest, value), step);
  const v = pair.value;
  if (rest.length === 0) {
    if (v === null || v === undefined || (isScalar(v) && v.value === null)) return fillNull(file, pair, value, step, map.flow === true);
    return replaceNode(file, v, renderFlow(value, isMap(v) ? isJsonStyle(v) : isScalar(v) && v.type === Scalar.QUOTE_DOUBLE && typeof value === 'string'));
  }
  if (isMap(v)) return setIn(file, v, rest, value, step);
  if (v === null || v === undefined || (isScalar(v) && v.value === null)) return fillNull(file, pair, nest(rest, value), step, map.flow === true);
  return undefined;
}

/** Writes a value for a key whose value is empty or null (`securityContext:`). */
function fillNull(file: YamlFile, pair: Pair, value: YamlValue, unit: number, flow: boolean): TextEdit | undefined {
  const k = span(pair.key);
  if (!k) return undefined;
  const v = span(pair.value);
  if (v && v[1] > v[0]) return edit(file, v[0], v[1], renderFlow(value));
  const colon = file.text.indexOf(':', k[1]);
  if (colon < 0) return undefined;
  if (flow || !isRecord(value) || Object.keys(value).length === 0) return edit(file, colon + 1, v ? Math.max(colon + 1, v[1]) : colon + 1, ` ${renderFlow(value)}`);
  const nl = eol(file);
  const body = Object.entries(value).map(([kk, vv]) => renderBlockPair(kk, vv, column(file, k[0]) + unit, unit, nl)).join('');
  return edit(file, colon + 1, colon + 1, nl + body.slice(0, body.length - nl.length));
}

/** Replaces a node's text with `newText`; undefined when the node has no source range. */
export function replaceNode(file: YamlFile, node: unknown, newText: string): TextEdit | undefined {
  const s = span(node);
  if (!s) return undefined;
  // Block collections' ranges end after their last line break; keep the break (and trailing blanks) in place.
  let end = s[1];
  while (end > s[0] && /\s/.test(file.text[end - 1] ?? '')) end--;
  return edit(file, s[0], end, newText);
}

/** Start offset of the line holding `offset` when only whitespace precedes it, else undefined. */
function lineStartIfFirst(file: YamlFile, offset: number): number | undefined {
  const start = file.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(file.text.slice(start, offset)) ? start : undefined;
}

function removeItem(file: YamlFile, coll: YAMLMap | YAMLSeq, index: number): TextEdit | undefined {
  const items = coll.items as unknown[];
  const item = items[index];
  const itemStart = isPair(item) ? span(item.key)?.[0] : span(item)?.[0];
  const itemEnd = isPair(item) ? pairEnd(item) : span(item)?.[1];
  if (itemStart === undefined || itemEnd === undefined) return undefined;
  const next = items[index + 1];
  const nextStart = isPair(next) ? span(next.key)?.[0] : span(next)?.[0];
  if (coll.flow) {
    if (nextStart !== undefined) return edit(file, itemStart, nextStart, '');
    const prev = items[index - 1];
    const prevEnd = isPair(prev) ? pairEnd(prev) : span(prev)?.[1];
    return edit(file, prevEnd ?? itemStart, itemEnd, '');
  }
  if (items.length === 1) return undefined;
  const dashed = isSeq(coll);
  const from = dashed ? lineStartIfFirst(file, file.text.lastIndexOf('-', itemStart - 1)) : lineStartIfFirst(file, itemStart);
  if (from === undefined) {
    if (nextStart === undefined) return undefined;
    return edit(file, itemStart, nextStart, '');
  }
  return edit(file, from, lineAfter(file, itemEnd).offset, '');
}

/**
 * Removes the pair `key` from a map: whole lines in block style, the entry and one comma in flow
 * style. Undefined when it is the only entry of a block map (the caller should remove the parent).
 */
export function removeKey(file: YamlFile, map: unknown, key: string): TextEdit | undefined {
  if (!isMap(map)) return undefined;
  const i = map.items.findIndex((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === key);
  return i < 0 ? undefined : removeItem(file, map, i);
}

/** Removes item `index` of a sequence (flow or block); undefined for the only item of a block sequence. */
export function removeSeqItem(file: YamlFile, seq: unknown, index: number): TextEdit | undefined {
  return isSeq(seq) && index >= 0 && index < seq.items.length ? removeItem(file, seq, index) : undefined;
}

/** Appends `value` as the last item of a sequence, in the sequence's own style. */
export function appendToSeq(file: YamlFile, seq: unknown, value: YamlValue): TextEdit | undefined {
  if (!isSeq(seq)) return undefined;
  const s = span(seq);
  if (!s) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    const json = isScalar(last) && last.type === Scalar.QUOTE_DOUBLE;
    const text = renderFlow(value, json);
    const lastEnd = span(last)?.[1];
    if (lastEnd !== undefined) return edit(file, lastEnd, lastEnd, `, ${text}`);
    const close = file.text.lastIndexOf(']', s[1]);
    return close < s[0] ? undefined : edit(file, close, close, text);
  }
  const lastEnd = span(last)?.[1];
  if (lastEnd === undefined) return undefined;
  const at = lineAfter(file, lastEnd);
  return edit(file, at.offset, at.offset, `${at.prefix}${' '.repeat(column(file, s[0]))}- ${renderFlow(value)}${eol(file)}`);
}
