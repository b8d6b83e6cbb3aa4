/**
 * Minimal, style-preserving edits for Compose quick fixes, computed from node ranges (never by
 * re-serialising the document): delete a key or a list item, append a list item, add a key,
 * and change a scalar while keeping its quoting. Block and flow collections are both handled;
 * indentation is copied from neighbouring lines, comments on other lines are left alone.
 * Every helper returns undefined when it cannot produce a clean edit; callers then offer no fix.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Pair } from 'yaml';
import { type YamlFile, isMap, isSeq, isScalar } from '../yaml/documents';
import type { ComposeService, ServiceField } from './services';
import type { VolumeMount } from './volumes';

type Span = [number, number, number];

function spanOf(node: unknown): Span | undefined {
  const r = (node as { range?: Span } | null)?.range;
  return Array.isArray(r) ? r : undefined;
}

function edit(file: YamlFile, start: number, end: number, newText: string): TextEdit {
  return { range: file.lines.range(start, end), newText };
}

function isFlow(node: unknown): boolean {
  return (node as { flow?: boolean } | null)?.flow === true;
}

/** The file's line terminator, judged by its first line (cheap, no scan of the whole text). */
function eol(file: YamlFile): string {
  const nl = file.text.indexOf('\n');
  return nl > 0 && file.text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the start of the line holding `offset`. */
function lineStart(file: YamlFile, offset: number): number {
  return file.lines.offsetAt({ line: file.lines.positionAt(offset).line, character: 0 });
}

/** Offset just after the line terminator of the last line with content at or before `end`. */
function afterLastContentLine(file: YamlFile, end: number): number {
  let i = Math.min(end, file.text.length) - 1;
  while (i > 0 && /\s/.test(file.text[i] ?? '')) i--;
  const line = file.lines.positionAt(Math.max(i, 0)).line;
  return line + 1 < file.lines.lineCount ? file.lines.offsetAt({ line: line + 1, character: 0 }) : file.text.length;
}

/** True when only spaces precede `offset` on its line. */
function startsLine(file: YamlFile, offset: number): boolean {
  return file.text.slice(lineStart(file, offset), offset).trim() === '';
}

/** The (start, end) of a collection item: a pair from its key, a sequence item from its node. */
function itemSpan(item: unknown): [number, number] | undefined {
  if (isMap(item) || isSeq(item) || isScalar(item)) {
    const s = spanOf(item);
    return s ? [s[0], s[1]] : undefined;
  }
  const pair = item as Pair;
  const k = spanOf(pair.key);
  const v = spanOf(pair.value);
  if (!k) return undefined;
  return [k[0], v ? v[1] : k[1]];
}

/** Deletes one item of a map or sequence; undefined when it is the only item (delete the parent instead). */
export function deleteItem(file: YamlFile, collection: unknown, item: unknown): TextEdit | undefined {
  if (!isMap(collection) && !isSeq(collection)) return undefined;
  const items: unknown[] = collection.items;
  const i = items.indexOf(item);
  if (i < 0 || items.length < 2) return undefined;
  const span = itemSpan(item);
  if (!span) return undefined;
  const next = items[i + 1];
  const prev = items[i - 1];
  if (isFlow(collection)) {
    if (next !== undefined) {
      const n = itemSpan(next);
      return n ? edit(file, span[0], n[0], '') : undefined;
    }
    const p = prev === undefined ? undefined : itemSpan(prev);
    return p ? edit(file, p[1], span[1], '') : undefined;
  }
  // Block style: a sequence item starts at its `- ` indicator.
  const start = isSeq(collection) ? file.text.lastIndexOf('-', span[0]) : span[0];
  if (start < 0) return undefined;
  if (startsLine(file, start)) return edit(file, lineStart(file, start), afterLastContentLine(file, span[1]), '');
  // First key of a map that shares its line with a `- ` indicator: pull the next key up.
  const n = next === undefined ? undefined : itemSpan(next);
  return n ? edit(file, start, n[0], '') : undefined;
}

/** Column of an item's first character (its key, or its `- ` indicator for sequence items). */
function itemColumn(file: YamlFile, collection: unknown, item: unknown): number | undefined {
  const span = itemSpan(item);
  if (!span) return undefined;
  const start = isSeq(collection) ? file.text.lastIndexOf('-', span[0]) : span[0];
  return start < 0 ? undefined : file.lines.positionAt(start).character;
}

/** Inserts `text` (one or more lines, already indented) after the last item of a block collection. */
function insertAfterLast(file: YamlFile, collection: { items: unknown[] }, text: string): TextEdit | undefined {
  const last = collection.items[collection.items.length - 1];
  const span = itemSpan(last);
  if (!span) return undefined;
  const at = afterLastContentLine(file, span[1]);
  const nl = eol(file);
  if (at === file.text.length && !/\r?\n$/.test(file.text)) return edit(file, at, at, nl + text);
  return edit(file, at, at, text + nl);
}

/** Inserts `, text` after the last item of a flow collection (or `text` into an empty one). */
function insertIntoFlow(file: YamlFile, collection: { items: unknown[] }, text: string): TextEdit | undefined {
  const last = collection.items[collection.items.length - 1];
  if (last === undefined) {
    const s = spanOf(collection);
    return s ? edit(file, s[0] + 1, s[0] + 1, text) : undefined;
  }
  const span = itemSpan(last);
  return span ? edit(file, span[1], span[1], `, ${text}`) : undefined;
}

/** Appends a scalar to a sequence, in its own style. */
export function appendSeqItem(file: YamlFile, seq: unknown, text: string): TextEdit | undefined {
  if (!isSeq(seq)) return undefined;
  if (isFlow(seq)) return insertIntoFlow(file, seq, text);
  const col = seq.items.length > 0 ? itemColumn(file, seq, seq.items[0]) : undefined;
  return col === undefined ? undefined : insertAfterLast(file, seq, `${' '.repeat(col)}- ${text}`);
}

/**
 * Adds `key: value` to a map, after its last entry. `value` is a scalar text, or a list of scalar
 * texts written as a block sequence (a flow sequence inside flow maps).
 */
export function addMapEntry(file: YamlFile, map: unknown, key: string, value: string | readonly string[]): TextEdit | undefined {
  if (!isMap(map) || map.items.length === 0) return undefined;
  if (isFlow(map)) return insertIntoFlow(file, map, `${key}: ${typeof value === 'string' ? value : `[${value.join(', ')}]`}`);
  const col = itemColumn(file, map, map.items[0]);
  if (col === undefined) return undefined;
  const pad = ' '.repeat(col);
  if (typeof value === 'string') return insertAfterLast(file, map, `${pad}${key}: ${value}`);
  const nl = eol(file);
  const inner = ' '.repeat(col + sequenceIndent(file, map));
  return insertAfterLast(file, map, `${pad}${key}:${value.map((v) => `${nl}${inner}- ${v}`).join('')}`);
}

/** How far block sequences under a key of this map are indented (0 for indentless `key:\n- a`, else 2 or more). */
function sequenceIndent(file: YamlFile, map: unknown): number {
  for (const p of (map as { items: Pair[] }).items) {
    if (!isSeq(p.value) || isFlow(p.value) || p.value.items.length === 0) continue;
    const keyCol = itemColumn(file, map, p);
    const dashCol = itemColumn(file, p.value, p.value.items[0]);
    if (keyCol !== undefined && dashCol !== undefined && dashCol >= keyCol) return dashCol - keyCol;
  }
  return 2;
}

/**
 * Replaces a scalar's value, keeping single or double quotes; plain scalars stay plain when safe
 * (`inFlow`: the scalar sits in a `[…]`/`{…}` collection, where commas need quoting; `forceQuotes`:
 * always quote, for values YAML 1.1 readers would take as numbers, such as `8080:80`).
 */
export function replaceScalar(file: YamlFile, node: unknown, value: string, inFlow = true, forceQuotes = false): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  const s = spanOf(node);
  if (!s) return undefined;
  if (node.type === 'QUOTE_DOUBLE') return edit(file, s[0], s[1], JSON.stringify(value));
  if (node.type === 'QUOTE_SINGLE') return edit(file, s[0], s[1], `'${value.replace(/'/g, "''")}'`);
  if (node.type !== 'PLAIN') return undefined;
  const chars = inFlow ? /^[A-Za-z0-9_./@~][A-Za-z0-9_.:/@=~ -]*$/ : /^[A-Za-z0-9_./@~][A-Za-z0-9_.:/@=~, -]*$/;
  const plain = !forceQuotes && chars.test(value) && !/[: ]$/.test(value) && !value.includes(': ') && !value.includes(' #');
  return edit(file, s[0], s[1], plain ? value : JSON.stringify(value));
}

/** Deletes a service field (the whole `key: value` entry); undefined when inherited through a merge key or the only key. */
export function deleteField(file: YamlFile, s: ComposeService, field: ServiceField | undefined): TextEdit | undefined {
  if (!field || field.inherited) return undefined;
  return deleteItem(file, s.node, field.pair);
}

/** Removes one entry of a list field; when it is the only entry the whole field goes. */
export function deleteListEntry(file: YamlFile, s: ComposeService, field: ServiceField | undefined, item: unknown): TextEdit | undefined {
  if (!field || field.inherited || !isSeq(field.value)) return undefined;
  if (field.value.items.length === 1) return deleteField(file, s, field);
  return deleteItem(file, field.value, item);
}

/** Adds `text` to a list field of the service, creating the field (block style) when it is missing. */
export function addListEntry(file: YamlFile, s: ComposeService, key: string, text: string): TextEdit | undefined {
  const field = s.fields.get(key);
  if (!field) return addMapEntry(file, s.node, key, [text]);
  if (field.inherited || !isSeq(field.value)) return undefined;
  return appendSeqItem(file, field.value, text);
}

/**
 * Sets a scalar service field to `value`: replaces an own scalar, or adds the key when it is
 * missing or merged in (an own key overrides a `<<: *anchor` value without touching the anchor).
 */
export function setScalarField(file: YamlFile, s: ComposeService, key: string, value: string): TextEdit | undefined {
  const field = s.fields.get(key);
  if (!field || field.inherited) return addMapEntry(file, s.node, key, value);
  return replaceScalar(file, field.value, value);
}

/** Makes a mount read-only: `:ro` on short syntax (replacing `rw`), `read_only: true` on long syntax. */
export function makeMountReadOnly(file: YamlFile, mount: VolumeMount): TextEdit | undefined {
  if (mount.inherited || mount.readOnly) return undefined;
  if (mount.long) {
    const ro = (mount.node as { items?: Pair[] }).items?.find((p) => isScalar(p.key) && p.key.value === 'read_only');
    return ro ? replaceScalar(file, ro.value, 'true') : addMapEntry(file, mount.node, 'read_only', 'true');
  }
  if (!isScalar(mount.node) || mount.source === undefined) return undefined;
  const raw = String(mount.node.value);
  const modes = mount.modes.filter((m) => m !== 'rw' && m !== '');
  const head = mount.modes.length > 0 ? raw.slice(0, raw.lastIndexOf(':')) : raw;
  return replaceScalar(file, mount.node, `${head}:${['ro', ...modes].join(',')}`, mount.inFlowList);
}
