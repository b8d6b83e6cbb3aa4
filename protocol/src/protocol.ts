/**
 * Custom messages between the Bulkhead client and server. Each message is a namespace with its
 * method name and a typed RequestType/NotificationType, so both sides share one definition.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Client command ids the server refers to in code actions. */
export const ClientCommands = {
  /** Opens the documentation of a rule; argument: the rule id. */
  showRuleDocs: 'bulkhead.showRuleDocs',
} as const;

/** Parameters of `bulkhead/status`: what the last lint of a document did. */
export interface StatusParams {
  /** Document URI the status belongs to. */
  uri: string;
  /** Detected file kind (`dockerfile`, `kubernetes`, `compose`, `yaml`, `unknown`). */
  kind: string;
  /** Number of rules that were enabled for this document's kind. */
  activeRules: number;
  /** Wall-clock time of the lint in milliseconds. */
  durationMs: number;
  /** When the lint finished, as an ISO 8601 string. */
  lintedAt: string;
  /** Findings silenced by ignore comments. */
  suppressed: number;
  /** Ignore-comment ids that silenced nothing. */
  unusedSuppressions: number;
  /** Rules that crashed on this document (they were skipped). */
  crashedRules: string[];
  /** Pod Security Standards profile in force (`baseline` or `restricted`). */
  profile?: string;
  /** Config files in force (`.bulkhead.yaml`, `.hadolint.yaml`). */
  configFiles?: string[];
  /** Why the file was not linted, when it was not. */
  skipped?: string;
}

/** Server → client after every lint, for the language status item. */
export namespace StatusNotification {
  export const method = 'bulkhead/status';
  export const type = new NotificationType<StatusParams>(method);
}

/** Parameters of `bulkhead/ruleDocs`. */
export interface RuleDocsParams {
  /** Rule id, name or alias. */
  id: string;
}

/** Result of `bulkhead/ruleDocs`: the rule's documentation page as Markdown, or null for an unknown id. */
export interface RuleDocsResult {
  id: string;
  markdown: string;
}

/** Client → server: the documentation of one rule, rendered offline from its metadata. */
export namespace RuleDocsRequest {
  export const method = 'bulkhead/ruleDocs';
  export const type = new RequestType<RuleDocsParams, RuleDocsResult | null, void>(method);
}
