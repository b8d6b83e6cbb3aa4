/**
 * The CLI's SARIF through Microsoft's SARIF Multitool (`validate`, offline): zero errors and zero
 * warnings, for a fixture with findings, suppressions, parse errors and skipped files, and for
 * the whole real-world corpus. One Multitool run checks both logs (it takes ~25 s to start here).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CORPUS, REPO_ROOT, runCli, tempTree } from './helpers';

const MULTITOOL = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
const REAL_WORLD = path.join(CORPUS, 'real-world');

interface ValidationResult {
  ruleId: string;
  level?: string;
  message: { id?: string; text?: string; arguments?: string[] };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

function validate(files: string[], out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['validate', ...files, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error', 'Warning'];
    execFile(MULTITOOL, args, { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && !existsSync(out)) reject(new Error(`Multitool failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

describe('SARIF Multitool validation', () => {
  it('reports no errors and no warnings for the CLI SARIF (fixture and real-world corpus)', { timeout: 360_000 }, async (t) => {
    if (process.platform !== 'linux') return t.skip(`the Multitool package used here is the Linux build (platform ${process.platform})`);
    assert.ok(existsSync(MULTITOOL), `missing ${MULTITOOL}: run npm ci`);
    try {
      accessSync(MULTITOOL, constants.X_OK);
    } catch {
      // The package marks its binary executable in a postinstall script, which npm may not run.
      chmodSync(MULTITOOL, 0o755);
    }
    const work = mkdtempSync(path.join(tmpdir(), 'bulkhead-sarif-'));
    const dir = tempTree({
      Dockerfile: 'FROM node:latest\n# bulkhead-ignore DF001 -- pinned elsewhere\nFROM ubuntu\nUSER root\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n',
      'compose.yaml': 'services:\n  app:\n    image: nginx:latest\n    privileged: true\n    network_mode: host\n',
      'broken/compose.yaml': 'services:\n  app: [\n',
      'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    const logs: string[] = [];
    const fixture = await runCli(['lint', '.', '--format', 'sarif'], dir);
    assert.equal(fixture.code, 1);
    logs.push(path.join(work, 'fixture.sarif'));
    writeFileSync(logs[0] ?? '', fixture.stdout);
    if (existsSync(REAL_WORLD)) {
      const corpus = await runCli(['lint', REAL_WORLD, '--format', 'sarif']);
      assert.ok(corpus.code === 0 || corpus.code === 1);
      logs.push(path.join(work, 'real-world.sarif'));
      writeFileSync(logs[1] ?? '', corpus.stdout);
    } else if (process.env.CI) {
      assert.fail(`missing ${REAL_WORLD}`);
    } else {
      t.diagnostic(`corpus not found at ${REAL_WORLD}: validating the fixture only`);
    }
    const out = path.join(work, 'validation.sarif');
    await validate(logs, out);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: ValidationResult[] }[] };
    const results = report.runs.flatMap((r) => r.results ?? []);
    const bad = results.filter((r) => r.level === undefined || r.level === 'error' || r.level === 'warning');
    assert.deepEqual(bad.map((r) => `${r.ruleId} ${r.level ?? 'warning'}: ${r.message.text ?? r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`), []);
    t.diagnostic(`Multitool validated ${logs.length} SARIF log(s): 0 errors, 0 warnings`);
  });
});
