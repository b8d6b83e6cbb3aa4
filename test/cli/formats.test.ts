/** Output formats of `bulkhead lint` through the real process: JSON contract and SARIF 2.1.0 (schema-validated). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint, RULES } from '../../rules/src/api';
import { applyEdits } from '../utils/rule-tester';
import { parseJson, REPO_ROOT, runCli, sarifSchemaErrors, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';
import { sarifLog } from '../../server/src/cli/format-sarif';

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLocation { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion } }
interface SarifReplacement { deletedRegion: SarifRegion; insertedContent: { text: string } }
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: SarifReplacement[] }[] }[];
  suppressions?: { kind: string; justification?: string }[];
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
  properties: { category: string; tags: string[]; anchors: Record<string, string[]> };
}
interface SarifLog {
  version: string;
  $schema: string;
  runs: { tool: { driver: { name: string; version: string; rules: SarifRule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[];
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const FILES = {
  Dockerfile: 'FROM node:latest\n# bulkhead-ignore DF001 -- pinned by the release pipeline\nFROM ubuntu\n',
  'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
  'with space/compose.yaml': 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n',
  'broken/compose.yaml': 'services:\n  app: [\n',
  'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
};

describe('bulkhead lint --format json', () => {
  const dir = tempTree(FILES);

  it('prints the versioned report with 1-based positions and summary counts', async () => {
    const r = await runCli(['lint', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const report = parseJson<JsonReport>(r);
    assert.equal(report.formatVersion, 1);
    assert.equal(report.tool.name, 'bulkhead');
    assert.equal(report.tool.version, (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['Dockerfile', 'broken/compose.yaml', 'pod.yaml', 'with space/compose.yaml']);
    const df = report.files.find((f) => f.path === 'Dockerfile');
    const latest = df?.findings.find((f) => f.ruleId === 'DF001');
    assert.deepEqual(latest && { line: latest.line, column: latest.column, endLine: latest.endLine, endColumn: latest.endColumn, severity: latest.severity, url: latest.url, ruleName: latest.ruleName }, { line: 1, column: 10, endLine: 1, endColumn: 17, severity: 'warning', url: RULES.find((x) => x.id === 'DF001')?.url, ruleName: 'latest-tag' });
    assert.deepEqual(df?.suppressed.filter((s) => s.ruleId === 'DF001'), [{ ruleId: 'DF001', line: 3, reason: 'pinned by the release pipeline' }]);
    assert.equal(report.skipped.length, 1);
    assert.equal(report.skipped[0]?.path, 'chart/templates/svc.yaml');
    const all = report.files.flatMap((f) => f.findings);
    const problems = report.files.flatMap((f) => f.problems);
    assert.ok(problems.some((p) => p.source === 'yaml'), 'the broken compose file has YAML problems');
    const s = report.summary;
    assert.equal(s.findings, all.length);
    assert.equal(s.problems, problems.length);
    assert.equal(s.errors + s.warnings + s.infos + s.hints, all.length + problems.length);
    assert.equal(s.errors, [...all, ...problems].filter((x) => x.severity === 'error').length);
    assert.equal(s.suppressed, report.files.reduce((n, f) => n + f.suppressed.length, 0));
    assert.deepEqual([s.filesRead, s.filesChecked, s.filesLinted, s.filesSkipped, s.unreadable, s.exitCode, s.failOn], [5, 5, 4, 1, 0, 1, 'error']);
  });

  it('matches what the engine reports for the same file', async () => {
    const r = parseJson<JsonReport>(await runCli(['lint', 'pod.yaml', '--format', 'json'], dir));
    const engine = lint({ path: 'pod.yaml', text: FILES['pod.yaml'] });
    assert.deepEqual(
      r.files[0]?.findings.map((f) => [f.ruleId, f.line, f.column, f.message]),
      engine.findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.message]),
    );
  });
});

describe('bulkhead lint --format sarif', () => {
  const dir = tempTree(FILES);

  it('validates against the SARIF 2.1.0 schema and carries the full rule metadata', async () => {
    const r = await runCli(['lint', '.', '--format', 'sarif'], dir);
    assert.equal(r.code, 1);
    const log = parseJson<SarifLog>(r);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'Bulkhead');
    assert.equal(run.tool.driver.rules.length, RULES.length);
    for (const rule of RULES) {
      const s: SarifRule | undefined = run.tool.driver.rules.find((x) => x.id === rule.id);
      assert.ok(s, `${rule.id} in driver.rules`);
      assert.equal(s.name, rule.name);
      assert.equal(s.shortDescription.text, rule.title);
      assert.equal(s.fullDescription.text, rule.docs.summary);
      assert.equal(s.helpUri, rule.url);
      assert.equal(s.defaultConfiguration.level, LEVEL[rule.severity]);
      assert.ok(s.help.text.includes(rule.docs.remediation) && s.help.markdown.includes(rule.docs.rationale));
      assert.equal(s.properties.category, rule.category);
      assert.ok(s.properties.tags.includes('security'));
      assert.deepEqual(s.properties.anchors, JSON.parse(JSON.stringify(rule.anchors)));
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%']?.uri, pathToFileURL(`${dir}/`).href);
  });

  it('has one result per finding with ruleIndex, level, relative uri and 1-based region', async () => {
    const json = parseJson<JsonReport>(await runCli(['lint', '.', '--format', 'json'], dir));
    const log = parseJson<SarifLog>(await runCli(['lint', '.', '--format', 'sarif'], dir));
    const run = log.runs[0];
    assert.ok(run);
    const live = run.results.filter((x) => !x.suppressions);
    assert.equal(live.length, json.summary.findings);
    for (const res of live) {
      assert.equal(run.tool.driver.rules[res.ruleIndex]?.id, res.ruleId);
      const loc = res.locations[0]?.physicalLocation;
      assert.equal(loc?.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(loc?.region && loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endColumn >= 1);
    }
    const priv = live.find((x) => x.ruleId === 'DC001');
    assert.equal(priv?.locations[0]?.physicalLocation.artifactLocation.uri, 'with%20space/compose.yaml');
    assert.equal(priv?.level, 'error');
    const df = live.find((x) => x.ruleId === 'DF001');
    assert.deepEqual(df?.locations[0]?.physicalLocation.region, { startLine: 1, startColumn: 10, endLine: 1, endColumn: 17 });
    assert.equal(df?.level, 'warning');
  });

  it('records inline suppressions as SARIF suppressions with the reason', async () => {
    const log = parseJson<SarifLog>(await runCli(['lint', 'Dockerfile', '--format', 'sarif'], dir));
    const suppressed = log.runs[0]?.results.filter((x) => x.suppressions) ?? [];
    assert.deepEqual(suppressed.map((x) => [x.ruleId, x.locations[0]?.physicalLocation.region?.startLine, x.suppressions?.[0]?.kind, x.suppressions?.[0]?.justification]), [['DF001', 3, 'inSource', 'pinned by the release pipeline']]);
  });

  it('reports parse errors and skipped files as tool notifications', async () => {
    const log = parseJson<SarifLog>(await runCli(['lint', '.', '--format', 'sarif'], dir));
    const ids = log.runs[0]?.invocations[0]?.toolExecutionNotifications.map((n) => n.descriptor.id) ?? [];
    assert.ok(ids.some((id) => id.startsWith('yaml/')), ids.join(','));
    assert.ok(ids.includes('bulkhead/skipped'));
  });

  it('the schema validator rejects invalid logs (so a pass means something)', () => {
    assert.notDeepEqual(sarifSchemaErrors({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), []);
    const log = sarifLog({ files: [], errors: [], failOn: 'error', durationMs: 0 }, dir) as { runs: { results: unknown[] }[] };
    assert.deepEqual(sarifSchemaErrors(log), []);
    log.runs[0]?.results.push({ ruleId: 'DF001', level: 'info', message: { text: 'x' } });
    assert.notDeepEqual(sarifSchemaErrors(log), [], "level 'info' is not a SARIF level");
  });

  it('formats a fix as SARIF fixes with artifactChanges (formatter level)', () => {
    const range = { start: { line: 0, character: 9 }, end: { line: 0, character: 16 } };
    const finding = { ruleId: 'DF001', ruleName: 'latest-tag', messageId: 'latest', message: 'm', severity: 'warning' as const, range, fix: { title: 'Pin it', edits: [{ range, newText: '22.11' }] }, suggestions: [] };
    const log = sarifLog({ files: [{ path: 'a b/Dockerfile', kind: 'dockerfile', findings: [finding], problems: [], suppressed: [], skipped: undefined, notApplicable: false }], errors: [], failOn: 'error', durationMs: 0 }, dir);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const res = (log as unknown as SarifLog).runs[0]?.results[0];
    assert.deepEqual(res?.fixes, [{ description: { text: 'Pin it' }, artifactChanges: [{ artifactLocation: { uri: 'a%20b/Dockerfile', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 1, startColumn: 10, endLine: 1, endColumn: 17 }, insertedContent: { text: '22.11' } }] }] }]);
  });

  it('emits SARIF fixes for safe fixes that reproduce the engine fix', async (t) => {
    const candidates = RULES.filter((r) => r.fix === 'safe');
    if (candidates.length === 0) return t.skip('no rule with a safe fix is registered yet');
    let checked = 0;
    for (const rule of candidates) {
      const file = rule.target === 'dockerfile' ? 'Dockerfile' : rule.target === 'compose' ? 'compose.yaml' : 'manifest.yaml';
      for (const bad of rule.docs.examples.bad) {
        const engine = lint({ path: file, text: bad }, { settings: { enabledRules: [rule.id] } }).findings.filter((f) => f.ruleId === rule.id && f.fix);
        if (engine.length === 0) continue;
        const d = tempTree({ [file]: bad });
        const log = parseJson<SarifLog>(await runCli(['lint', file, '--format', 'sarif', '--enable', rule.id], d));
        const withFix = log.runs[0]?.results.filter((x) => x.ruleId === rule.id && x.fixes) ?? [];
        assert.equal(withFix.length, engine.length, `${rule.id}: one SARIF fix per engine fix`);
        const first = withFix[0]?.fixes?.[0];
        const edits = first?.artifactChanges[0]?.replacements.map((rep) => ({ range: { start: { line: rep.deletedRegion.startLine - 1, character: rep.deletedRegion.startColumn - 1 }, end: { line: rep.deletedRegion.endLine - 1, character: rep.deletedRegion.endColumn - 1 } }, newText: rep.insertedContent.text })) ?? [];
        assert.equal(applyEdits(bad, edits), applyEdits(bad, engine[0]?.fix?.edits ?? []), `${rule.id}: SARIF replacements apply like the engine fix`);
        assert.equal(first?.description.text, engine[0]?.fix?.title);
        checked++;
        break;
      }
    }
    assert.ok(checked > 0, 'at least one safe-fix rule produced a fix on its bad example');
  });
});
