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
import { pathToFileURL, fileURLToPath } from 'node:url';
import { getLanguageService, type LanguageService } from 'yaml-language-server/lib/esm/languageservice/yamlLanguageService';
import type { CompletionItem, Diagnostic, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
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

/** Creates the YAML companion; `kindOf` tells which schema applies to a document. */
export function createYamlCompanion(): YamlCompanion {
  const dir = schemasDir();
  const kinds = new Map<string, FileKind | 'config'>();
  const uriOf = (file: string): string => pathToFileURL(join(dir, file)).href;
  const service = getLanguageService({
    schemaRequestService: (uri) => {
      // Only the bundled schema files; never the network, never the workspace.
      try {
        const path = uri.startsWith('file:') ? fileURLToPath(uri) : '';
        if (path.startsWith(dir) && Object.values(SCHEMA_FILES).some((f) => path === join(dir, f))) return Promise.resolve(readFileSync(path, 'utf8'));
      } catch {
        // fall through to the rejection below
      }
      return Promise.reject(new Error(`Bulkhead only loads its bundled schemas, not ${uri}.`));
    },
    workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
  });
  service.configure({ validate: true, hover: true, hoverSchemaSource: false, completion: true, format: false, isKubernetes: false, schemas: [], customTags: ['!reference sequence', '!Ref scalar', '!Sub scalar', '!GetAtt scalar'] });
  service.registerCustomSchemaProvider((resource) => {
    const kind = kinds.get(resource);
    const file = kind ? SCHEMA_FILES[kind] : undefined;
    return Promise.resolve(file ? uriOf(file) : []);
  });

  /** Which schema applies, or undefined when none does or validation is off. */
  const track = (doc: TextDocument, a: Analysis): boolean => {
    const kind: FileKind | 'config' | undefined = configKindOf(doc.uri) === 'bulkhead' ? 'config' : a.kind;
    const on = a.settings.yaml.schemaValidation !== 'off' && !a.unreadable && kind !== undefined && SCHEMA_FILES[kind] !== undefined;
    if (on) kinds.set(doc.uri, kind);
    else kinds.delete(doc.uri);
    return on;
  };
  return {
    service,
    async diagnostics(doc: TextDocument, a: Analysis): Promise<Diagnostic[]> {
      if (!track(doc, a)) return [];
      const found = await service.doValidation(doc, false);
      // YAML syntax errors are already reported by Bulkhead's own parser (source `yaml`).
      return found.filter((d) => d.source?.startsWith('yaml-schema') === true).map((d) => ({ ...d, source: SCHEMA_SOURCE }));
    },
    async hover(doc: TextDocument, position: Position, a: Analysis): Promise<Hover | null> {
      if (!track(doc, a)) return null;
      return service.doHover(doc, position);
    },
    async completion(doc: TextDocument, position: Position, a: Analysis): Promise<CompletionItem[]> {
      if (!track(doc, a)) return [];
      return (await service.doComplete(doc, position, false)).items;
    },
    forget(uri: string): void {
      kinds.delete(uri);
    },
  };
}
