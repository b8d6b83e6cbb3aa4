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
import type { CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../../../rules/src/api';
import type { Analysis } from '../documents';
import type { Companion } from '../context';
import type { YamlEditing } from './editing';
import { configKindOf } from './configFiles';

/** Source of schema diagnostics. */
export const SCHEMA_SOURCE = 'bulkhead-schema';

/** The bundled schemas: server/schemas next to server/out (bundle) or server/src (tests). */
export function schemasDir(): string {
  const candidates = [join(__dirname, '..', 'schemas'), join(__dirname, '..', '..', 'schemas')];
  return candidates.find((d) => existsSync(join(d, 'kubernetes.json'))) ?? candidates[0]!;
}

/** Folder prefix of the synthetic document URIs that select a schema (see `configure`). */
const SYNTHETIC_ROOT = 'bulkhead-schema';

const SCHEMA_FILES: Partial<Record<FileKind | 'config', string>> = {
  compose: 'compose-spec.json',
  kubernetes: 'kubernetes.json',
  config: 'bulkhead-config.schema.json',
};

/** The YAML companion: diagnostics and hover for the pipeline, completion for editing.ts. */
export interface YamlCompanion extends Companion, YamlEditing {
  service: LanguageService;
  /** Drops what is known about a closed document. */
  forget(uri: string): void;
}

/** Creates the YAML companion. */
export function createYamlCompanion(): YamlCompanion {
  const dir = schemasDir();
  const service = getLanguageService({
    // Schemas are handed over as content below; anything else (a `$schema` URL, a remote $ref) is refused.
    schemaRequestService: (uri) => Promise.reject(new Error(`Bulkhead only uses its bundled schemas, not ${uri}.`)),
    workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
  });
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
    service.configure({ validate: true, hover: true, hoverSchemaSource: false, completion: true, format: false, isKubernetes: false, schemas, customTags: ['!reference sequence', '!Ref scalar', '!Sub scalar', '!GetAtt scalar'] });
  };

  /** The document as yaml-language-server should see it, or undefined when no schema applies or validation is off. */
  const view = (doc: TextDocument, a: Analysis): TextDocument | undefined => {
    const kind: FileKind | 'config' = configKindOf(doc.uri) === 'bulkhead' ? 'config' : a.kind;
    if (a.settings.yaml.schemaValidation === 'off' || a.unreadable || SCHEMA_FILES[kind] === undefined) return undefined;
    configure();
    return TextDocument.create(`file:///${SYNTHETIC_ROOT}-${kind}/${encodeURIComponent(doc.uri)}`, 'yaml', doc.version, doc.getText());
  };

  return {
    service,
    async diagnostics(doc: TextDocument, a: Analysis): Promise<Diagnostic[]> {
      const v = view(doc, a);
      // Config files are validated by the config parser itself (configFiles.ts); the schema adds completion and hover.
      if (!v || configKindOf(doc.uri) !== undefined) return [];
      const found = await service.doValidation(v, false);
      // YAML syntax errors are already reported by Bulkhead's own parser (source `yaml`).
      return found.filter((d) => d.source?.startsWith('yaml-schema') === true).map((d) => ({ ...d, source: SCHEMA_SOURCE }));
    },
    async hover(doc: TextDocument, position: Position, a: Analysis): Promise<Hover | null> {
      const v = view(doc, a);
      return v ? service.doHover(v, position) : null;
    },
    async completion(doc: TextDocument, position: Position, a: Analysis): Promise<CompletionItem[]> {
      const v = view(doc, a);
      return v ? (await service.doComplete(v, position, false)).items : [];
    },
    forget(): void {
      // Nothing is kept per document: the synthetic copies are made per request.
    },
  };
}
