/** The bundled examples/ and the README's promises about them: `npm start` lints each file, finds several problems, exits 0. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseJson, REPO_ROOT, runCli } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

const EXAMPLES = { 'examples/Dockerfile': 'dockerfile', 'examples/deployment.yaml': 'kubernetes', 'examples/compose.yaml': 'compose' };

describe('examples/', () => {
  it('each example triggers several distinct rules of its target', async () => {
    const r = await runCli(['lint', 'examples', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0);
    const report = parseJson<JsonReport>(r);
    assert.deepEqual(Object.fromEntries(report.files.map((f) => [f.path, f.kind])), EXAMPLES);
    for (const f of report.files) {
      const rules = new Set(f.findings.map((x) => x.ruleId));
      assert.ok(rules.size >= 3, `${f.path} triggers only ${[...rules].join(', ')}`);
      assert.deepEqual(f.problems, [], `${f.path} parses cleanly`);
    }
  });

  it('the start script lints examples/ without failing on findings, as the README says', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const start = manifest.scripts.start ?? '';
    assert.match(start, /node bin\/bulkhead\.js lint examples --fail-on none$/);
    const r = await runCli(['lint', 'examples', '--fail-on', 'none']);
    assert.equal(r.code, 0);
    for (const file of Object.keys(EXAMPLES)) assert.match(r.stdout, new RegExp(`^${file}:\\d+:\\d+ (error|warning|info) `, 'm'));
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('npm ci && npm start') && readme.includes('\nnpm test\n'), 'README gives the two set-up commands');
  });
});
