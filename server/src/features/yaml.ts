/**
 * JSON-schema validation, completion and hover for Compose files and Kubernetes manifests,
 * through yaml-language-server's language service with schemas bundled in server/schemas/
 * (compose-spec.json, kubernetes.json generated from kubernetes-types, the .bulkhead.yaml
 * schema). Schemas are only ever read from that folder: nothing is fetched. Off when
 * `bulkhead.yaml.schemaValidation` is `off` (the client turns `auto` into `off` when the Red Hat
 * YAML extension is active, so the same schema error is never shown twice).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type LanguageService } from 'yaml-language-server/lib/esm/languageservice/yamlLanguageService';
import { yamlDocumentsCache } from 'yaml-language-server/lib/esm/languageservice/parser/yaml-documents';
import type { CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../../../rules/src/api';
import type { Analysis } from '../documents';
import type { Companion } from '../context';
import type { YamlEditing } from './editing';
import { configKindOf } from './configFiles';
import { DocumentSplitter } from '../../../rules/src/model/yaml/segments';
import { LineIndex } from '../../../rules/src/model/text';

/** Source of schema diagnostics. */
export const SCHEMA_SOURCE = 'bulkhead-schema';

/** The bundled schemas: server/schemas next to server/out (bundle) or server/src (tests). */
export function schemasDir(): string {
  const candidates = [join(__dirname, '..', 'schemas'), join(__dirname, '..', '..', 'schemas')];
  return candidates.find((d) => existsSync(join(d, 'kubernetes.json'))) ?? candidates[0]!;
}

/** Quiet time after the last pull of a document before its edited documents' schema validation runs (pull mode). */
export const LATE_SCHEMA_DELAY_MS = 150;

/** Folder prefix of the synthetic document URIs that select a schema (see `configure`). */
const SYNTHETIC_ROOT = 'bulkhead-schema';

const SCHEMA_FILES: Partial<Record<FileKind | 'config', string>> = {
  compose: 'compose-spec.json',
  kubernetes: 'kubernetes.json',
  config: 'bulkhead-config.schema.json',
};

/** Schema diagnostics of one segment (a YAML document) of a multi-document file, relative to its first line. */
interface SegmentDiagnostics {
  kind: string;
  items: Diagnostic[];
  /** True while the items are the previous text's, moved through the edit, and validation runs after the pull was answered. */
  stale?: boolean;
  /** The validation running after the pull. */
  job?: Promise<void>;
}

/**
 * Moves diagnostics of `before` (relative to its first line) through an edit that turned it into
 * `after`: those before the edited stretch stay, those after it move with it, those in it are
 * dropped until the document is validated again.
 */
function mapThroughEdit(before: string, after: string, items: readonly Diagnostic[]): Diagnostic[] {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  const oldLines = new LineIndex(before);
  const newLines = new LineIndex(after);
  const head = oldLines.positionAt(p);
  const oldEnd = oldLines.positionAt(before.length - s);
  const newEnd = newLines.positionAt(after.length - s);
  const cmp = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;
  const move = (q: Position): Position => ({ line: q.line + newEnd.line - oldEnd.line, character: q.line === oldEnd.line ? q.character + newEnd.character - oldEnd.character : q.character });
  const out: Diagnostic[] = [];
  for (const d of items) {
    if (cmp(d.range.end, head) <= 0) out.push(d);
    else if (cmp(d.range.start, oldEnd) >= 0) out.push({ ...d, range: { start: move(d.range.start), end: move(d.range.end) } });
  }
  return out;
}

/** Per open multi-document file: its split and the schema diagnostics of its current segments, by segment text. */
interface DocumentState {
  splitter: DocumentSplitter;
  segments: Map<string, SegmentDiagnostics[]>;
  /** Segment texts in order, with their entries (to pair an edited segment with its previous text). */
  order: { text: string; entry: SegmentDiagnostics }[];
}

function shiftDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return d;
  const { start, end } = d.range;
  return { ...d, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/** Parsed documents yaml-language-server keeps (its cache never drops a URI): the most recently used. */
const MAX_PARSED_DOCUMENTS = 8;

/**
 * Bounds yaml-language-server's parse cache (`yamlDocumentsCache`, keyed by URI): it would
 * otherwise keep the parse (YAML and JSON trees) of every file ever validated, ≈ 30 KB per
 * manifest. Validation, hover and completion of one version share a parse as long as the
 * document is among the most recently used.
 */
class ParsedDocuments {
  private readonly recent = new Map<string, true>();

  touch(uri: string): void {
    this.recent.delete(uri);
    this.recent.set(uri, true);
    for (const old of this.recent.keys()) {
      if (this.recent.size <= MAX_PARSED_DOCUMENTS) break;
      this.drop(old);
    }
  }

  drop(uri: string): void {
    // Only URIs handed to the service (closing a Dockerfile must not load yaml-language-server).
    if (!this.recent.delete(uri)) return;
    // The map is private in the typings; without it (another library version) the whole cache goes.
    const cache = (yamlDocumentsCache as unknown as { cache?: unknown }).cache;
    if (cache instanceof Map) cache.delete(uri);
    else yamlDocumentsCache.clear();
  }
}

/** The YAML companion: diagnostics and hover for the pipeline, completion for editing.ts. */
export interface YamlCompanion extends Companion, YamlEditing {
  service: LanguageService;
  /** Drops what is known about a closed document. */
  forget(uri: string): void;
  /**
   * Pull mode with refresh: edited documents of a multi-document file are validated after the
   * pull is answered (it carries their previous schema diagnostics, moved through the edit) and
   * typing paused (LATE_SCHEMA_DELAY_MS), and `listener` is called when the new ones are ready,
   * so the client pulls again.
   */
  setLateListener(listener: (uri: string) => void): void;
  /** Which documents are open in the editor: only those keep per-document state (files linted from disk are validated whole). */
  setOpenDocuments(isOpen: (uri: string) => boolean): void;
}

/** Creates the YAML companion. */
export function createYamlCompanion(): YamlCompanion {
  const dir = schemasDir();
  // Created on the first YAML document that has a schema: in the server bundle, yaml-language-server
  // (with ajv, which compiles its meta-schemas at load) is a bundle of its own that loads on first
  // use (esbuild.mjs), so a Dockerfile-only session never pays for it.
  let created: LanguageService | undefined;
  const service = (): LanguageService =>
    (created ??= getLanguageService({
      // Schemas are handed over as content below; anything else (a `$schema` URL, a remote $ref) is refused.
      schemaRequestService: (uri) => Promise.reject(new Error(`Bulkhead only uses its bundled schemas, not ${uri}.`)),
      workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
    }));
  let configured = false;
  /**
   * yaml-language-server re-reads and re-resolves a schema on every request when it comes from a
   * custom schema provider, but caches schemas registered with content and file patterns. Bulkhead
   * detects Kubernetes and Compose by content, so each request goes through a copy of the document
   * under a synthetic URI whose folder names the schema; the patterns below match those folders.
   */
  const configure = (): void => {
    if (configured) return;
    configured = true;
    const schemas = Object.entries(SCHEMA_FILES).map(([kind, file]) => {
      let schema: unknown = {};
      try {
        schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (e) {
        console.error(`Bulkhead could not read its bundled schema ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return { uri: pathToFileURL(join(dir, file)).href, fileMatch: [`${SYNTHETIC_ROOT}-${kind}/**`], schema };
    });
    service().configure({ validate: true, hover: true, hoverSchemaSource: false, completion: true, format: false, isKubernetes: false, schemas, customTags: ['!reference sequence', '!Ref scalar', '!Sub scalar', '!GetAtt scalar'] });
  };

  const parsed = new ParsedDocuments();
  /** The document as yaml-language-server should see it, or undefined when no schema applies or validation is off. */
  const view = (doc: TextDocument, a: Analysis): TextDocument | undefined => {
    const kind: FileKind | 'config' = configKindOf(doc.uri) === 'bulkhead' ? 'config' : a.kind;
    if (a.settings.yaml.schemaValidation === 'off' || a.unreadable || SCHEMA_FILES[kind] === undefined) return undefined;
    configure();
    const uri = `file:///${SYNTHETIC_ROOT}-${kind}/${encodeURIComponent(doc.uri)}`;
    parsed.touch(uri);
    return TextDocument.create(uri, 'yaml', doc.version, doc.getText());
  };

  /** Schema diagnostics of a text under a synthetic URI (YAML syntax errors are Bulkhead's own, source `yaml`). */
  const validate = async (v: TextDocument): Promise<Diagnostic[]> => {
    const found = await service().doValidation(v, false);
    return found.filter((d) => d.source?.startsWith('yaml-schema') === true).map((d) => ({ ...d, source: SCHEMA_SOURCE }));
  };

  /**
   * Multi-document files are validated per document (a segment of `segments.ts`); a document
   * whose text did not change since the last pull keeps its diagnostics, moved by the lines it
   * moved, so typing in one of 40 documents validates one. (Schema validation is per document.)
   */
  const states = new Map<string, DocumentState>();
  /** Segments are validated under one synthetic URI per kind; yaml-language-server caches its parse by URI and version, so each gets a new version. */
  let segmentVersion = 0;
  let lateListener: ((uri: string) => void) | undefined;
  let isOpen: (uri: string) => boolean = () => false;
  const timers = new Map<string, NodeJS.Timeout>();
  /**
   * Validates the edited segments once the document has had no pull for LATE_SCHEMA_DELAY_MS
   * (while typing, every keystroke answers with the moved previous diagnostics and nothing is
   * validated twice), then asks the client to pull again.
   */
  const schedule = (uri: string, kind: string, owner: DocumentState): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      if (states.get(uri) !== owner) return;
      const jobs = owner.order.filter((o) => o.entry.stale).map((o) => (o.entry.job ??= validate(segmentDocument(kind, o.text)).then(
        (items) => {
          o.entry.items = items;
          o.entry.stale = false;
        },
        () => {
          o.entry.stale = false;
        },
      )));
      void Promise.all(jobs).then(() => {
        if (states.get(uri) === owner) lateListener?.(uri);
      });
    }, LATE_SCHEMA_DELAY_MS));
  };
  const segmentDocument = (kind: string, segText: string): TextDocument => TextDocument.create(`file:///${SYNTHETIC_ROOT}-${kind}/segment.yaml`, 'yaml', ++segmentVersion, segText);
  const validateSegments = async (doc: TextDocument, v: TextDocument, kind: string): Promise<Diagnostic[] | undefined> => {
    const text = v.getText();
    let state = states.get(doc.uri);
    if (!state) {
      if (!isOpen(doc.uri)) return undefined;
      const splitter = new DocumentSplitter();
      // Single-document files are validated whole, and nothing is kept for them.
      if (splitter.update(text).length < 2) return undefined;
      state = { splitter, segments: new Map(), order: [] };
      states.set(doc.uri, state);
    }
    const starts = state.splitter.update(text);
    const previous = state.segments;
    // After the first pull, a document's changed segments are validated once the pull is answered.
    const defer = lateListener !== undefined && state.order.length > 0;
    const current = new Map<string, SegmentDiagnostics[]>();
    const order: { text: string; entry: SegmentDiagnostics }[] = [];
    const used = new Set<SegmentDiagnostics>();
    const fresh: { text: string; entry: SegmentDiagnostics }[] = [];
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] ?? 0;
      const segText = text.slice(start, starts[i + 1] ?? text.length);
      let entry = previous.get(segText)?.find((e) => e.kind === kind && !used.has(e)) ?? previous.get(segText)?.find((e) => e.kind === kind);
      if (!entry) {
        entry = defer ? { kind, items: [], stale: true } : { kind, items: await validate(segmentDocument(kind, segText)) };
        if (defer) fresh.push({ text: segText, entry });
      }
      used.add(entry);
      const list = current.get(segText);
      if (list) list.push(entry);
      else current.set(segText, [entry]);
      order.push({ text: segText, entry });
    }
    if (fresh.length > 0) {
      // Pair the edited segments with the previous segments that are gone, in order, and show
      // their diagnostics moved through the edit until the new ones are ready.
      const gone = state.order.filter((o) => !used.has(o.entry));
      if (gone.length === fresh.length) fresh.forEach((f, k) => (f.entry.items = mapThroughEdit(gone[k]!.text, f.text, gone[k]!.entry.items)));
    }
    state.segments = current;
    state.order = order;
    const out: Diagnostic[] = [];
    for (let i = 0; i < order.length; i++) {
      // The editor's document keeps its line offsets up to date across edits; the copy `v` would compute them again.
      const line = doc.positionAt(starts[i] ?? 0).line;
      for (const d of order[i]!.entry.items) out.push(shiftDiagnostic(d, line));
    }
    if (order.some((o) => o.entry.stale) && lateListener) schedule(doc.uri, kind, state);
    return out;
  };

  return {
    get service() {
      return service();
    },
    async diagnostics(doc: TextDocument, a: Analysis): Promise<Diagnostic[]> {
      const v = view(doc, a);
      // Config files are validated by the config parser itself (configFiles.ts); the schema adds completion and hover.
      if (!v || configKindOf(doc.uri) !== undefined) return [];
      return (await validateSegments(doc, v, a.kind)) ?? validate(v);
    },
    async hover(doc: TextDocument, position: Position, a: Analysis): Promise<Hover | null> {
      const v = view(doc, a);
      return v ? service().doHover(v, position) : null;
    },
    async completion(doc: TextDocument, position: Position, a: Analysis): Promise<CompletionItem[]> {
      const v = view(doc, a);
      return v ? (await service().doComplete(v, position, false)).items : [];
    },
    setLateListener(listener: (uri: string) => void): void {
      lateListener = listener;
    },
    setOpenDocuments(predicate: (uri: string) => boolean): void {
      isOpen = predicate;
    },
    forget(uri: string): void {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      for (const kind of Object.keys(SCHEMA_FILES)) parsed.drop(`file:///${SYNTHETIC_ROOT}-${kind}/${encodeURIComponent(uri)}`);
      states.delete(uri);
    },
  };
}
