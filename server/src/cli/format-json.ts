/**
 * Machine-readable output (`--format json`). The shape is a versioned contract, documented in
 * docs/cli.md: bump JSON_FORMAT_VERSION on any incompatible change. Positions are 1-based;
 * `endColumn` is exclusive (as in SARIF).
 */
import type { Range } from 'vscode-languageserver-types';
import { RULES, type Fix, type Finding, type Problem } from '../../../rules/src/api';
import { exitCodeOf, relevantFiles, summarize, type LintRun, type Summary } from './report';
import { toolVersion } from './version';

/** Version of the JSON output shape. */
export const JSON_FORMAT_VERSION = 1;

/** A 1-based region. */
export interface JsonRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
export interface JsonEdit extends JsonRegion {
  newText: string;
}
export interface JsonFix {
  title: string;
  edits: JsonEdit[];
}
export interface JsonFinding extends JsonRegion {
  ruleId: string;
  ruleName: string;
  category: string | null;
  severity: string;
  message: string;
  messageId: string;
  url: string | null;
  /** The safe fix, if the rule has one for this finding. */
  fix: JsonFix | null;
  suggestions: JsonFix[];
}
export interface JsonProblem extends JsonRegion {
  source: string;
  code: string;
  severity: string;
  message: string;
}
export interface JsonFile {
  path: string;
  kind: string;
  findings: JsonFinding[];
  problems: JsonProblem[];
  suppressed: { ruleId: string; line: number; reason: string | null }[];
}
/** The whole document printed by `bulkhead lint --format json`. */
export interface JsonReport {
  formatVersion: number;
  tool: { name: 'bulkhead'; version: string };
  /** Every file that was linted (with or without findings), in walk order. */
  files: JsonFile[];
  /** Files that were read but not linted, with the reason (Helm templates, binary, too large, unknown kind). */
  skipped: { path: string; kind: string; reason: string }[];
  /** Inputs that could not be read. */
  errors: { path: string; message: string }[];
  summary: Summary & { failOn: string; exitCode: number; durationMs: number };
}

/** Converts a 0-based LSP range to a 1-based region. */
export function regionOf(r: Range): JsonRegion {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

function fixOf(f: Fix): JsonFix {
  return { title: f.title, edits: f.edits.map((e) => ({ ...regionOf(e.range), newText: e.newText })) };
}

const byId = new Map(RULES.map((r) => [r.id, r]));

function findingOf(f: Finding): JsonFinding {
  const rule = byId.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    category: rule?.category ?? null,
    severity: f.severity,
    message: f.message,
    messageId: f.messageId,
    url: rule?.url ?? null,
    ...regionOf(f.range),
    fix: f.fix ? fixOf(f.fix) : null,
    suggestions: f.suggestions.map(fixOf),
  };
}

function problemOf(p: Problem): JsonProblem {
  return { source: p.source, code: p.code, severity: p.severity, message: p.message, ...regionOf(p.range) };
}

/** Builds the JSON report object of a run. */
export function jsonReport(run: LintRun): JsonReport {
  const files = relevantFiles(run);
  return {
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: 'bulkhead', version: toolVersion() },
    files: files
      .filter((f) => f.skipped === undefined)
      .map((f) => ({
        path: f.path,
        kind: f.kind,
        findings: f.findings.map(findingOf),
        problems: f.problems.map(problemOf),
        suppressed: f.suppressed.map((s) => ({ ruleId: s.finding.ruleId, line: s.finding.range.start.line + 1, reason: s.comment.reason ?? null })),
      })),
    skipped: files.flatMap((f) => (f.skipped === undefined ? [] : [{ path: f.path, kind: f.kind, reason: f.skipped }])),
    errors: run.errors.map((e) => ({ path: e.path, message: e.message })),
    summary: { ...summarize(run), failOn: run.failOn, exitCode: exitCodeOf(run), durationMs: Math.round(run.durationMs) },
  };
}

/** Formats a run as pretty-printed JSON. */
export function formatJson(run: LintRun): string {
  return `${JSON.stringify(jsonReport(run), null, 2)}\n`;
}
