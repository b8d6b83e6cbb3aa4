/**
 * Lints one file's text into a FileReport. Pure (no I/O, no globals), so a batch mode can move
 * it into worker threads unchanged: inputs and outputs are plain, structured-cloneable data.
 */
import { kindFromName, lint, type PolicyOptions, type RuleSettings } from '../../../rules/src/api';
import type { WorkspaceIndex } from '../../../rules/src/engine/workspace';
import type { FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import type { FileReport } from './report';

/** What one file contributes to a lint run. */
export interface FileInput {
  /** Path used for kind and template detection (absolute is best). */
  path: string;
  /** Path as shown in reports. */
  display: string;
  text: string;
  languageId?: string;
  /** True when the user named the file: plain YAML is then reported as skipped, not dropped. */
  explicit: boolean;
}

/** The workspace a file is linted in: the index of the other files' facts, and where its own facts go. */
export interface WorkspaceLink {
  index: WorkspaceIndex;
  onFacts?: (facts: FileFacts) => void;
}

/** Lints one document and classifies the result. Never throws. */
export function lintFile(input: FileInput, settings: RuleSettings, policy: Partial<PolicyOptions> = {}, workspace?: WorkspaceLink): FileReport {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  // Walking a repository meets many YAML/JSON files (lock files, CI configs). A manifest needs the
  // key `apiVersion` and a Compose file `services`; without either word the parse can be skipped.
  if (!input.explicit && input.languageId === undefined && kindFromName(input.path) === 'yaml' && !text.includes('apiVersion') && !text.includes('services')) {
    return { path: input.display, kind: 'yaml', findings: [], problems: [], suppressed: [], skipped: 'Not a Kubernetes manifest or Compose file.', notApplicable: true };
  }
  const result = lint({ path: input.path, text, languageId: input.languageId }, { settings, policy, workspace: workspace?.index, onFacts: workspace?.onFacts });
  const problems = result.problems.filter((p) => !(p.source === 'bulkhead' && p.code === 'skipped'));
  // Plain YAML/JSON found while walking a directory is not Bulkhead's business; named files are always reported.
  const notApplicable = result.skipped !== undefined && !input.explicit && result.kind === 'yaml' && result.problems.length === 0;
  return { path: input.display, kind: result.kind, findings: result.findings, problems, suppressed: result.suppressed, skipped: result.skipped, notApplicable };
}

/** The report of a configuration file with problems (so an invalid config is never silently ignored). */
export function configReport(display: string, problems: readonly { message: string; range: FileReport['problems'][number]['range'] }[]): FileReport {
  return { path: display, kind: 'config', findings: [], problems: problems.map((p) => ({ source: 'bulkhead', code: 'config', message: p.message, severity: 'error', range: p.range })), suppressed: [], skipped: undefined, notApplicable: false };
}

/** The report for a file that was not read because it is too large. */
export function tooLargeReport(display: string, bytes: number, limit: number): FileReport {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return { path: display, kind: 'unknown', findings: [], problems: [], suppressed: [], skipped: `File is ${mb(bytes)} MB, larger than the ${mb(limit)} MB limit; Bulkhead does not lint it.`, notApplicable: false };
}
