/**
 * SARIF 2.1.0 output (`--format sarif`): one run with the full rule catalog as
 * `tool.driver.rules`, one result per finding (suppressed findings carry SARIF `suppressions`),
 * safe fixes as `fixes`, and parse errors, rule crashes and skipped files as tool execution
 * notifications. Locations are relative to the working directory through `%SRCROOT%`.
 */
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import { RULES, type AnyRule, type Finding, type Severity } from '../../../rules/src/api';
import { relevantFiles, type LintRun } from './report';
import { ruleHelpMarkdown, ruleHelpText } from './rule-docs';
import { toolVersion } from './version';

type Level = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub code scanning ranks security results by this score (0–10, as a string). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

/** A 1-based SARIF region; `endColumn` is exclusive, as in LSP ranges. */
export function sarifRegion(r: Range): Json {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Encodes a `/`-separated relative path as a URI reference (spaces and `%` escaped per segment). */
export function uriOf(path: string): string {
  if (/^([a-zA-Z]:)?\//.test(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(path: string): Json {
  const uri = uriOf(path);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: SRCROOT };
}

function sarifRule(rule: AnyRule): Json {
  const tags = ['security', rule.target, rule.category];
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs.summary },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    helpUri: rule.url,
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.defaultOff !== true },
    properties: { category: rule.category, target: rule.target, fix: rule.fix, tags, anchors: rule.anchors, precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

function result(f: Finding, path: string, ruleIndex: Map<string, number>, suppression?: { reason: string | undefined }): Json {
  const location = { physicalLocation: { artifactLocation: artifactLocation(path), region: sarifRegion(f.range) } };
  const out: Json = {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location],
  };
  if (f.fix) {
    out.fixes = [
      {
        description: { text: f.fix.title },
        artifactChanges: [{ artifactLocation: artifactLocation(path), replacements: f.fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })) }],
      },
    ];
  }
  if (suppression) out.suppressions = [{ kind: 'inSource', status: 'accepted', ...(suppression.reason ? { justification: suppression.reason } : {}) }];
  return out;
}

/** Builds the SARIF log object of a run. `cwd` becomes the `%SRCROOT%` base. */
export function sarifLog(run: LintRun, cwd: string): Json {
  const rules = RULES;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Json[] = [];
  const notifications: Json[] = [];
  for (const f of relevantFiles(run)) {
    for (const x of f.findings) results.push(result(x, f.path, ruleIndex));
    for (const s of f.suppressed) results.push(result(s.finding, f.path, ruleIndex, { reason: s.comment.reason }));
    for (const p of f.problems) {
      notifications.push({
        descriptor: { id: `${p.source}/${p.code}` },
        level: LEVEL[p.severity],
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path), region: sarifRegion(p.range) } }],
      });
    }
    if (f.skipped !== undefined) {
      notifications.push({ descriptor: { id: 'bulkhead/skipped' }, level: 'note', message: { text: f.skipped }, locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.path) } }] });
    }
  }
  for (const e of run.errors) {
    notifications.push({ descriptor: { id: 'bulkhead/unreadable' }, level: 'error', message: { text: `Cannot read ${e.path}: ${e.message}` } });
  }
  const base = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Bulkhead', semanticVersion: toolVersion(), version: toolVersion(), informationUri: 'https://github.com/bulkhead-dev/bulkhead', rules: rules.map(sarifRule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: run.errors.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

/** Formats a run as SARIF 2.1.0 JSON. */
export function formatSarif(run: LintRun, cwd: string): string {
  return `${JSON.stringify(sarifLog(run, cwd), null, 2)}\n`;
}
