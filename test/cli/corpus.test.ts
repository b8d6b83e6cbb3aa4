/**
 * `bulkhead lint` over ../shared/corpus/real-world (real Dockerfiles, manifests, some templates):
 * every file is accounted for, the run ends with 0 or 1, nothing crashes, and the SARIF of the
 * whole corpus validates against the SARIF 2.1.0 schema.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, parseJson, runCli, sarifSchemaErrors } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

const REAL_WORLD = path.join(CORPUS, 'real-world');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('bulkhead lint on the real-world corpus', () => {
  const missing = !existsSync(REAL_WORLD);
  if (missing && process.env.CI) {
    it('needs ../shared/corpus/real-world in CI', () => assert.fail(`missing ${REAL_WORLD}`));
    return;
  }

  it('lints every file with exit 0 or 1 and no crash', async (t) => {
    if (missing) return t.skip(`corpus not found at ${REAL_WORLD}; skipping`);
    const all = filesUnder(REAL_WORLD);
    const r = await runCli(['lint', REAL_WORLD, '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, `exit ${String(r.code)}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const report = parseJson<JsonReport>(r);
    assert.equal(report.summary.filesRead, all.length, 'every corpus file was read');
    assert.ok(all.length >= 334, `corpus has ${all.length} files`);
    assert.equal(report.summary.unreadable, 0);
    assert.equal(report.files.length + report.skipped.length, report.summary.filesChecked, 'linted + skipped = checked');
    const problems = report.files.flatMap((f) => f.problems.map((p) => ({ ...p, path: f.path })));
    assert.deepEqual(problems.filter((p) => p.code === 'rule-error'), [], 'no rule crashed');
    // Templated files (Helm/Go or Jinja-like `{{ }}`) are skipped or linted, never a wall of parse errors.
    for (const file of all.filter((f) => readFileSync(f, 'utf8').includes('{{'))) {
      const entry = report.files.find((f) => path.resolve(f.path) === file);
      if (entry) assert.ok(entry.problems.length <= 3, `${entry.path}: ${entry.problems.length} problems`);
    }
    t.diagnostic(`real-world: ${all.length} files, ${report.summary.filesLinted} linted, ${report.summary.filesSkipped} skipped, ${report.summary.findings} findings, ${report.summary.problems} problems, exit ${String(r.code)}, ${Math.round(r.ms)} ms (process)`);
  });

  it('produces SARIF for the whole corpus that validates against the schema', async (t) => {
    if (missing) return t.skip(`corpus not found at ${REAL_WORLD}; skipping`);
    const r = await runCli(['lint', REAL_WORLD, '--format', 'sarif']);
    assert.ok(r.code === 0 || r.code === 1);
    assert.deepEqual(sarifSchemaErrors(JSON.parse(r.stdout)), []);
  });
});
