/**
 * YAML files parsed once with the `yaml` package (the parser yaml-language-server uses), kept
 * as node trees with source offsets so every finding has an exact range. Multi-document
 * streams are supported; custom tags (`!Ref`, `!reference` …) are kept as plain values.
 */
import * as yamlApi from 'yaml';
import type { Document, Node as YNode, YAMLMap, YAMLSeq, Pair, Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text';

export type { YAMLMap, YAMLSeq, Pair, Scalar };

// Bound once: a bundler's view of the CommonJS `yaml` package reads each export through a getter
// on every call (≈ 3 % of a manifest's lint went to those getters).
const { Composer, Parser } = yamlApi;
const isMap: typeof yamlApi.isMap = yamlApi.isMap;
const isSeq: typeof yamlApi.isSeq = yamlApi.isSeq;
const isScalar: typeof yamlApi.isScalar = yamlApi.isScalar;
const isPair: typeof yamlApi.isPair = yamlApi.isPair;
const isAlias: typeof yamlApi.isAlias = yamlApi.isAlias;

/** A parse problem with its range. */
export interface YamlProblem {
  message: string;
  range: Range;
  code: string;
}

/** One document of a YAML stream. */
export interface YamlDocument {
  index: number;
  doc: Document.Parsed;
  /** Root node, or undefined for an empty document. */
  root: YNode | undefined;
  range: Range;
}

/** A parsed YAML file. */
export interface YamlFile {
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
  errors: YamlProblem[];
  warnings: YamlProblem[];
  /** Every `#` comment of the stream (offset of the `#`, source text including it), in order. */
  comments: YamlComment[];
}

/** A comment token of the YAML stream. */
export interface YamlComment {
  /** Offset of the `#`. */
  offset: number;
  /** The comment text, starting with `#`. */
  source: string;
}

/** Error code of a YAML that is nested too deeply to compose (the `yaml` package's own code for it). */
export const TOO_DEEP_CODE = 'RESOURCE_EXHAUSTION';
const TOO_DEEP_MESSAGE = 'The YAML is nested too deeply to parse (the parser ran out of stack).';

// `uniqueKeys` is off because the parser's own check compares each new key with every earlier key
// of its map (a ConfigMap with 100,000 keys took a minute); duplicateKeys() does the same check in
// one pass, with the parser's code and message.
const PARSE_OPTIONS = { keepSourceTokens: false, uniqueKeys: false, strict: false, prettyErrors: false } as const;

/** Maps up to this many pairs are checked for duplicate keys pairwise. */
const SMALL_MAP = 8;

/** True when a scalar key before `items[i]` has the same value as `value` (same type and text, as `yaml` compares). */
function repeatsEarlierKey(items: readonly { key: unknown }[], i: number, value: unknown): boolean {
  for (let j = 0; j < i; j++) {
    const k = items[j]!.key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (typeof v === typeof value && (v === value || String(v) === String(value))) return true;
  }
  return false;
}

/** Offsets of the map keys that repeat an earlier key of the same map (scalar keys compared by value, as `yaml` does); aliases are not followed. */
function duplicateKeys(root: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const items = node.items;
      // Small maps (most of a manifest) compare keys pairwise, without building an id per key.
      const seen = items.length > SMALL_MAP ? new Set<string>() : undefined;
      for (let i = 0; i < items.length; i++) {
        const pair = items[i]!;
        const key: unknown = pair.key;
        if (isScalar(key)) {
          if (seen) {
            const id = `${typeof key.value}:${String(key.value)}`;
            if (seen.has(id) && key.range) out.push(key.range[0]);
            seen.add(id);
          } else if (key.range && repeatsEarlierKey(items, i, key.value)) out.push(key.range[0]);
        } else if (key !== null && typeof key === 'object') stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Collects the comment tokens of one CST token (comments can sit at any depth; iterative, so deep nesting cannot overflow the stack). */
function collectComments(root: unknown, out: YamlComment[]): void {
  const stack: unknown[] = [root];
  const found: YamlComment[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const t = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment') {
      if (typeof t.offset === 'number' && typeof t.source === 'string') found.push({ offset: t.offset, source: t.source });
      continue;
    }
    for (const k in t) {
      const v = (t as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  found.sort((a, b) => a.offset - b.offset);
  for (const c of found) out.push(c);
}


/** A parse problem as offsets in the whole text (ranges are made when a file is assembled). */
interface SegmentProblem {
  at: number;
  end: number;
  message: string;
  code: string;
}

/**
 * One parsed stretch of a YAML stream (the whole text, or one segment of `segments.ts`): its
 * documents with offsets in the *whole* text, their problems and its comments. Segments are
 * cached by the incremental parse (`YamlFileCache`) and moved with `rebaseSegment`.
 */
export interface YamlSegment {
  /** Offset of the segment's first character in the whole text. */
  start: number;
  text: string;
  /** True when the parse depends on the text after the segment (an unclosed quote): never reused. */
  volatile: boolean;
  docs: Document.Parsed[];
  /** Errors per document (each list sorted by offset), in document order. */
  errors: SegmentProblem[];
  warnings: SegmentProblem[];
  comments: YamlComment[];
}

/**
 * Parses the stretch [start, end) of a YAML text, with node offsets in the whole text. Never
 * throws. The lexer sees the rest of the text, as in a parse of the whole text (it looks ahead
 * for the closing quote of a quoted scalar), and stops at `end`, the start of the next segment.
 */
export function parseSegment(source: string, start = 0, end = source.length): YamlSegment {
  const text = start === 0 && end === source.length ? source : source.slice(start, end);
  const errors: SegmentProblem[] = [];
  const warnings: SegmentProblem[] = [];
  const comments: YamlComment[] = [];
  const docs: Document.Parsed[] = [];
  // One lexing pass feeds both the composer and the comment list (suppressions read comments;
  // lexing the text a second time for them cost about a third of a manifest's lint).
  const hasComments = text.includes('#');
  const parser = new Parser();
  // Token offsets (and so node ranges) count from the segment's place in the whole text.
  parser.offset = start;
  const partial = end < source.length;
  function* tokens(): Generator<ReturnType<yamlApi.Parser['parse']> extends Generator<infer T> ? T : never> {
    for (const token of parser.parse(start === 0 ? source : source.slice(start))) {
      if (partial && token.offset >= end) return;
      if (hasComments) collectComments(token, comments);
      yield token;
      if (partial && parser.offset >= end) return;
    }
  }
  try {
    // Without comments to collect or a segment end to stop at, the composer reads the parser directly.
    const stream = !partial && !hasComments ? parser.parse(start === 0 ? source : source.slice(start)) : tokens();
    for (const doc of new Composer(PARSE_OPTIONS).compose(stream)) docs.push(doc);
  } catch (e) {
    // The lexer and composer recover from any syntax; what is left is running out of stack.
    const message = e instanceof RangeError ? TOO_DEEP_MESSAGE : `The YAML parser failed: ${e instanceof Error ? e.message : String(e)}`;
    return { start, text, volatile: false, docs: [], errors: [{ at: start, end: start, message, code: TOO_DEEP_CODE }], warnings, comments };
  }
  for (const doc of docs) {
    const docErrors: SegmentProblem[] = [];
    for (const e of doc.errors) {
      // `yaml` reports a stack overflow while composing a collection as RESOURCE_EXHAUSTION with the engine's message.
      const message = e.code === TOO_DEEP_CODE ? TOO_DEEP_MESSAGE : (e.message.split('\n')[0] ?? e.message);
      docErrors.push({ at: e.pos[0], end: e.pos[1], message, code: e.code });
    }
    if (!doc.errors.some((e) => e.code === TOO_DEEP_CODE)) {
      for (const at of duplicateKeys(doc.contents)) docErrors.push({ at, end: at + 1, message: 'Map keys must be unique', code: 'DUPLICATE_KEY' });
    }
    docErrors.sort((a, b) => a.at - b.at);
    for (const e of docErrors) errors.push(e);
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED') continue;
      warnings.push({ at: w.pos[0], end: w.pos[1], message: w.message.split('\n')[0] ?? w.message, code: w.code });
    }
  }
  // An unclosed quote runs to a closing quote found anywhere later in the text (cut at the next
  // `---`): such a parse depends on the text after the segment and is never reused.
  const volatile = errors.some((e) => e.code === 'MISSING_CHAR' && e.message.includes('quote'));
  return { start, text, volatile, docs, errors, warnings, comments };
}

/** Every range array of a segment's nodes and documents, collected on its first move. */
const segmentRanges = new WeakMap<YamlSegment, number[][]>();

function rangesOf(segment: YamlSegment): number[][] {
  let out = segmentRanges.get(segment);
  if (out) return out;
  out = [];
  for (const doc of segment.docs) {
    out.push(doc.range);
    // Nodes are told apart by shape (a range, items, or a pair's key and value); iterative, as
    // trees can be deep; aliases are nodes of their own and are not followed.
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const n = stack.pop() as { range?: number[] | null; items?: unknown; key?: unknown; value?: unknown } | null | undefined;
      if (typeof n !== 'object' || n === null) continue;
      if (n.range) out.push(n.range);
      else if ('key' in n) stack.push(n.key, n.value);
      if (Array.isArray(n.items)) for (const item of n.items) stack.push(item);
    }
  }
  segmentRanges.set(segment, out);
  return out;
}

/**
 * Moves a parsed segment to a new start offset: every node range, problem and comment, in place
 * (every node has its own range array; the composer makes one per node). The range arrays are
 * listed on the first move, so later moves are one flat loop.
 */
export function rebaseSegment(segment: YamlSegment, start: number): void {
  const d = start - segment.start;
  if (d === 0) return;
  segment.start = start;
  for (const r of rangesOf(segment)) {
    for (let i = 0; i < r.length; i++) r[i] = (r[i] ?? 0) + d;
  }
  for (const p of segment.errors) (p.at += d), (p.end += d);
  for (const p of segment.warnings) (p.at += d), (p.end += d);
  for (const c of segment.comments) c.offset += d;
  for (const doc of segment.docs) for (const e of [...doc.errors, ...doc.warnings]) e.pos = [e.pos[0] + d, e.pos[1] + d];
}

/** Builds the file view of parsed segments (in text order) over the whole text. */
export function assembleYamlFile(text: string, lines: LineIndex, segments: readonly YamlSegment[]): YamlFile {
  const documents: YamlDocument[] = [];
  const errors: YamlProblem[] = [];
  const warnings: YamlProblem[] = [];
  const comments: YamlComment[] = [];
  const problem = (p: SegmentProblem): YamlProblem => ({ message: p.message, range: lines.range(p.at, p.end), code: p.code });
  for (const s of segments) {
    for (const doc of s.docs) {
      const [start, , end] = doc.range;
      documents.push({ index: documents.length, doc, root: (doc.contents ?? undefined) as YNode | undefined, range: lines.range(start, end) });
    }
    for (const e of s.errors) errors.push(problem(e));
    for (const w of s.warnings) warnings.push(problem(w));
    for (const c of s.comments) comments.push(c);
  }
  return { text, lines, documents, errors, warnings, comments };
}

/** Parses a YAML text into documents. Never throws; problems are collected with ranges. */
export function parseYaml(text: string): YamlFile {
  return assembleYamlFile(text, new LineIndex(text), [parseSegment(text, 0)]);
}

/** Range of a node (its value, without trailing comments), or undefined when the node has no source position. */
export function nodeRange(file: YamlFile, node: unknown): Range | undefined {
  if (isPair(node)) {
    const k = nodeRange(file, node.key);
    const v = nodeRange(file, node.value);
    if (k && v) return { start: k.start, end: v.end };
    return k ?? v;
  }
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!r) return undefined;
  return file.lines.range(r[0], r[1]);
}

/** Resolves an alias to its target; other nodes are returned as they are. */
export function deref(doc: YamlDocument, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(doc.doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

/** The pair with key `key` in a map node, or undefined. */
export function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    const k = item.key;
    if ((isScalar(k) && String(k.value) === key) || k === key) return item as Pair;
  }
  return undefined;
}

/** The value node under `key` of a map node, or undefined. */
export function mapGet(node: unknown, key: string): unknown {
  return pairOf(node, key)?.value ?? undefined;
}

/** Follows a path of map keys and sequence indexes; undefined as soon as a step is missing. */
export function getIn(node: unknown, path: readonly (string | number)[]): unknown {
  let cur = node;
  for (const step of path) {
    if (typeof step === 'number') cur = isSeq(cur) ? cur.items[step] : undefined;
    else cur = mapGet(cur, step);
    if (cur === undefined || cur === null) return undefined;
  }
  return cur;
}

/** The plain value of a scalar node (string, number, boolean or null), or undefined for collections. */
export function scalarValue(node: unknown): string | number | boolean | null | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** The scalar value as a string (numbers and booleans stringified), or undefined. */
export function stringValue(node: unknown): string | undefined {
  const v = scalarValue(node);
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/** Items of a sequence node (empty for anything else). */
export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** Pairs of a map node (empty for anything else). */
export function mapPairs(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

/** Range of the key of `key` in a map node (for reporting on a field name), falling back to the map. */
export function keyRange(file: YamlFile, node: unknown, key: string): Range | undefined {
  const p = pairOf(node, key);
  return p ? nodeRange(file, p.key) : undefined;
}

export { isMap, isSeq, isScalar, isPair, isAlias };
