/**
 * Custom messages between the Bulkhead client and server. Each message is a namespace with its
 * method name and a typed RequestType/NotificationType, so both sides share one definition.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Client command ids the server refers to in code actions. */
export const ClientCommands = {
  /** Opens the documentation of a rule; argument: the rule id. */
  showRuleDocs: 'bulkhead.showRuleDocs',
  /** Lints every Dockerfile, manifest and Compose file of the workspace into the Problems panel. */
  lintWorkspace: 'bulkhead.lintWorkspace',
  /** Removes the problems of files that are not open and stops following them on disk. */
  clearWorkspaceProblems: 'bulkhead.clearWorkspaceProblems',
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
  /** Trusted registries in force (empty: any). */
  trustedRegistries?: string[];
  /** Allowed base images in force (empty: any). */
  allowedBaseImages?: string[];
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

/** Parameters of `bulkhead/lintFiles`. */
export interface LintFilesParams {
  /** `file:` URIs of files on disk (found by the client, excludes already applied). */
  files: string[];
}

/** A file the workspace lint did not lint, and why. */
export interface SkippedFile {
  uri: string;
  reason: string;
}

/** Result of `bulkhead/lintFiles`. */
export interface LintFilesResult {
  /** Files read from disk and linted. */
  linted: number;
  /** Files open in the editor: their diagnostics come from the open document, not the disk. */
  open: number;
  /** Files not linted: too large, unreadable, gone, or excluded by `ignorePaths`. */
  skipped: SkippedFile[];
  /** Diagnostics published for the files of this request. */
  problems: number;
  /** True when the request was cancelled before every file was done. */
  cancelled: boolean;
  /** Server time spent on the request, in milliseconds. */
  durationMs: number;
}

/**
 * Client → server: lint files on disk (not open in the editor) and publish their diagnostics.
 * The server then follows them: `workspace/didChangeWatchedFiles` re-lints a changed file and
 * clears a deleted one, until `bulkhead/clearWorkspace`. The client sends the workspace in
 * chunks, so it can show progress and stop between chunks; cancelling a request stops it
 * between two files.
 */
export namespace LintFilesRequest {
  export const method = 'bulkhead/lintFiles';
  export const type = new RequestType<LintFilesParams, LintFilesResult, void>(method);
}

/** Result of `bulkhead/clearWorkspace`. */
export interface ClearWorkspaceResult {
  /** Files whose problems were removed. */
  cleared: number;
}

/** Client → server: forget every file the workspace lint follows and clear their problems. */
export namespace ClearWorkspaceRequest {
  export const method = 'bulkhead/clearWorkspace';
  export const type = new RequestType<Record<string, never> | null, ClearWorkspaceResult, void>(method);
}

/** Parameters of `bulkhead/workspaceTrust`. */
export interface WorkspaceTrustParams {
  /** True when the editor trusts the workspace (VS Code: not in Restricted Mode). */
  trusted: boolean;
}

/**
 * Client → server: whether the workspace is trusted. Sent when the server starts and when trust
 * is granted. Until it says `true` the server reads no file of the workspace on its own: the
 * startup scan for cross-file Kubernetes facts (NetworkPolicies, kustomization patches) waits
 * for it. Editors without workspace trust send `{ trusted: true }` to get the scan.
 */
export namespace WorkspaceTrustNotification {
  export const method = 'bulkhead/workspaceTrust';
  export const type = new NotificationType<WorkspaceTrustParams>(method);
}
