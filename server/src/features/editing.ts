/**
 * Editing features that are not about security findings: completion, formatting, symbols and
 * folding. Dockerfiles are served by dockerfile-language-service; YAML by the optional YAML
 * companion (schema completion). Each request is routed by the document's kind.
 */
import { CompletionTriggerKind, type CompletionItem, type FoldingRange, type Position, type SymbolInformation, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES } from '../../../rules/src/api';
import type { Companion, ServerContext } from '../context';
import { documentKind, type Analysis } from '../documents';
import { dockerfileCompletion, dockerfileFolding, dockerfileFormat, dockerfileResolveCompletion, dockerfileSymbols, dockerfileSyntaxDiagnostics, dockerfileHover } from './dockerfile';

/** Characters that open Dockerfile completion (flags, variables, `key=value`). */
export const DOCKERFILE_TRIGGER_CHARACTERS = ['=', '$', '-', ' '];

/** Completion provider for YAML documents, set by the YAML companion when it is enabled. */
export interface YamlEditing {
  completion(doc: TextDocument, position: Position, analysis: Analysis): Promise<CompletionItem[]>;
}

/** The Dockerfile companion: syntax diagnostics and instruction hover. */
export const dockerfileCompanion: Companion = {
  diagnostics: (doc, a) => (a.kind === 'dockerfile' && a.result.skipped === undefined ? dockerfileSyntaxDiagnostics(doc) : []),
  hover: (doc, position, a) => (a.kind === 'dockerfile' ? dockerfileHover(doc, position) : null),
};

/** A Dockerfile small enough to parse on every request (huge files get a diagnostic instead). */
function isDockerfile(doc: TextDocument | undefined): doc is TextDocument {
  return doc !== undefined && documentKind(doc) === 'dockerfile' && doc.getText().length <= MAX_FILE_BYTES;
}

export function registerEditing(ctx: ServerContext, yaml: () => YamlEditing | undefined): void {
  const { connection, documents } = ctx;
  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (isDockerfile(doc)) return dockerfileCompletion(doc, params.position);
    // The trigger characters are Dockerfile ones; a space or `-` typed in YAML should not pop up suggestions.
    if (params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter) return [];
    const y = yaml();
    return doc && y ? y.completion(doc, params.position, await ctx.analyses.get(doc)) : [];
  });
  // dockerfile-language-service tags its items with a string key of the keyword's documentation.
  connection.onCompletionResolve((item) => (typeof item.data === 'string' ? dockerfileResolveCompletion(item) : item));
  connection.onDocumentFormatting((params): TextEdit[] => {
    const doc = documents.get(params.textDocument.uri);
    return isDockerfile(doc) ? dockerfileFormat(doc, params.options) : [];
  });
  connection.onDocumentRangeFormatting((params): TextEdit[] => {
    const doc = documents.get(params.textDocument.uri);
    return isDockerfile(doc) ? dockerfileFormat(doc, params.options, params.range) : [];
  });
  connection.onDocumentSymbol((params): SymbolInformation[] => {
    const doc = documents.get(params.textDocument.uri);
    return isDockerfile(doc) ? dockerfileSymbols(doc) : [];
  });
  connection.onFoldingRanges((params): FoldingRange[] => {
    const doc = documents.get(params.textDocument.uri);
    return isDockerfile(doc) ? dockerfileFolding(doc) : [];
  });
}
