/** What every feature module receives from server.ts: the connection, the open documents and the caches. */
import type { Connection, Diagnostic, Hover, Position, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache, Analysis } from './documents';
import type { SettingsCache } from './settings';
import type { WorkspaceFacts } from './features/workspaceIndex';

/** A source of extra diagnostics/hover for a document (Dockerfile syntax, YAML schemas). */
export interface Companion {
  /** Extra diagnostics for the document; never duplicates Bulkhead findings. */
  diagnostics?(doc: TextDocument, analysis: Analysis): Promise<Diagnostic[]> | Diagnostic[];
  /** Hover at a position, shown after Bulkhead's own. */
  hover?(doc: TextDocument, position: Position, analysis: Analysis): Promise<Hover | null> | Hover | null;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  settings: SettingsCache;
  companions: Companion[];
  /** Client capabilities that change how features answer. */
  client: { pullDiagnostics: boolean; diagnosticRefresh: boolean; documentChanges: boolean };
  /** Kubernetes facts of the workspace's files (cross-file rules); set by server.ts. */
  workspaceFacts?: WorkspaceFacts;
}
