/**
 * YAML files parsed once with the `yaml` package (the parser yaml-language-server uses), kept
 * as node trees with source offsets so every finding has an exact range. Multi-document
 * streams are supported; custom tags (`!Ref`, `!reference` …) are kept as plain values.
 */
import { Composer, Parser, isMap, isSeq, isScalar, isPair, isAlias } from 'yaml';
import type { Document, Node as YNode, YAMLMap, YAMLSeq, Pair, Scalar } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text';

export type { YAMLMap, YAMLSeq, Pair, Scalar };

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

/** Offsets of the map keys that repeat an earlier key of the same map (scalar keys compared by value, as `yaml` does); aliases are not followed. */
function duplicateKeys(root: unknown): number[] {
  const out: number[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (isScalar(key)) {
          const id = `${typeof key.value}:${String(key.value)}`;
          if (seen.has(id) && key.range) out.push(key.range[0]);
          seen.add(id);
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


/** Parses a YAML text into documents. Never throws; problems are collected with ranges. */
export function parseYaml(text: string): YamlFile {
  const lines = new LineIndex(text);
  const errors: YamlProblem[] = [];
  const warnings: YamlProblem[] = [];
  const documents: YamlDocument[] = [];
  const comments: YamlComment[] = [];
  // One lexing pass feeds both the composer and the comment list (suppressions read comments;
  // lexing the text a second time for them cost about a third of a manifest's lint).
  const hasComments = text.includes('#');
  function* tokens(): Generator<ReturnType<Parser['parse']> extends Generator<infer T> ? T : never> {
    for (const token of new Parser().parse(text)) {
      if (hasComments) collectComments(token, comments);
      yield token;
    }
  }
  let list: Document.Parsed[];
  try {
    list = Array.from(new Composer(PARSE_OPTIONS).compose(tokens()));
  } catch (e) {
    // The lexer and composer recover from any syntax; what is left is running out of stack.
    const message = e instanceof RangeError ? TOO_DEEP_MESSAGE : `The YAML parser failed: ${e instanceof Error ? e.message : String(e)}`;
    errors.push({ message, range: lines.range(0, 0), code: TOO_DEEP_CODE });
    return { text, lines, documents, errors, warnings, comments };
  }
  list.forEach((doc, index) => {
    const docErrors: { at: number; problem: YamlProblem }[] = [];
    for (const e of doc.errors) {
      // `yaml` reports a stack overflow while composing a collection as RESOURCE_EXHAUSTION with the engine's message.
      const message = e.code === TOO_DEEP_CODE ? TOO_DEEP_MESSAGE : (e.message.split('\n')[0] ?? e.message);
      docErrors.push({ at: e.pos[0], problem: { message, range: lines.range(e.pos[0], e.pos[1]), code: e.code } });
    }
    if (!doc.errors.some((e) => e.code === TOO_DEEP_CODE)) {
      for (const at of duplicateKeys(doc.contents)) docErrors.push({ at, problem: { message: 'Map keys must be unique', range: lines.range(at, at + 1), code: 'DUPLICATE_KEY' } });
    }
    docErrors.sort((a, b) => a.at - b.at);
    for (const e of docErrors) errors.push(e.problem);
    for (const w of doc.warnings) {
      if (w.code === 'TAG_RESOLVE_FAILED') continue;
      warnings.push({ message: w.message.split('\n')[0] ?? w.message, range: lines.range(w.pos[0], w.pos[1]), code: w.code });
    }
    const root = (doc.contents ?? undefined) as YNode | undefined;
    const [start, , end] = doc.range;
    documents.push({ index, doc, root, range: lines.range(start, end) });
  });
  return { text, lines, documents, errors, warnings, comments };
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

export { isMap, isSeq, isScalar };
