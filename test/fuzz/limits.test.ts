/**
 * Hostile inputs are bounded: huge files (10 MB, 100,000 lines, 10,000 YAML documents), binary
 * files, deep nesting and YAML alias bombs either lint within a CPU budget or are skipped with a
 * clear message; never a throw or a hang. Checked through lint() and through the CLI process.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, type LintResult } from '../../rules/src/api';
import { LineIndex } from '../../rules/src/model/text';
import { REPO_ROOT, rangeInside } from './harness';

function aliasBomb(levels = 10): string {
  let t = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < levels; i++) t += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return t;
}

interface Case {
  name: string;
  /** Also run through the CLI process (the slow, linted-in-full cases are covered through lint() only). */
  cli?: boolean;
  file: string;
  text: string;
  /** CPU budget in ms for one lint. */
  budgetMs: number;
  /** Expected `skipped` reason, or undefined when the file must be linted. */
  skipped?: RegExp;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n';

const CASES: Case[] = [
  { name: '10 MB Dockerfile', cli: true, file: 'Dockerfile', text: 'RUN echo hello world\n'.repeat(500_000), budgetMs: 2000, skipped: /larger than 5 MB/ },
  { name: '10 MB manifest', cli: true, file: 'big.yaml', text: POD.repeat(140_000), budgetMs: 2000, skipped: /larger than 5 MB/ },
  { name: '100,000-line Dockerfile', file: 'Dockerfile', text: 'FROM alpine:3.20\n' + 'ENV A=b\n'.repeat(100_000), budgetMs: 30_000 },
  { name: '100,000-line manifest', file: 'cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n' + Array.from({ length: 100_000 }, (_, i) => `  k${i}: v\n`).join(''), budgetMs: 30_000 },
  { name: '10,000 YAML documents', file: 'many.yaml', text: Array.from({ length: 10_000 }, () => POD).join('---\n'), budgetMs: 60_000 },
  { name: 'binary file with NUL bytes', cli: true, file: 'Dockerfile', text: 'FROM x\n\u0000\u0001\u0002', budgetMs: 500, skipped: /binary/ },
  { name: 'binary noise without NUL', file: 'Dockerfile', text: Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 255))).join(''), budgetMs: 10_000 },
  { name: 'deeply nested flow sequences', cli: true, file: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nx: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n', budgetMs: 10_000, skipped: /nested too deeply/ },
  { name: 'deeply nested flow maps with comments', cli: true, file: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nx: ' + '{a: # c\n'.repeat(20_000) + '1' + '}'.repeat(20_000) + '\n', budgetMs: 10_000, skipped: /nested too deeply/ },
  { name: 'deeply nested block maps', cli: true, file: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\n' + Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n', budgetMs: 10_000, skipped: /nested too deeply/ },
  { name: 'billion laughs in a manifest', cli: true, file: 'cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n' + aliasBomb().replace(/^/gm, '  ') + 'spec:\n  containers: *a9\n', budgetMs: 2000 },
  { name: 'billion laughs in a Compose file', cli: true, file: 'compose.yaml', text: `x-bomb:\n${aliasBomb().replace(/^/gm, '  ')}services:\n  web: &w\n    image: nginx:1.27\n    environment: *a9\n    volumes: *a9\n    cap_add: *a9\n  db: *w\n`, budgetMs: 2000 },
  { name: '4 MB single line', file: 'Dockerfile', text: 'FROM alpine:3.20\nRUN ' + 'a'.repeat(4_000_000) + '\n', budgetMs: 20_000 },
];

function cpuMsOf(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

describe('limits: hostile inputs through lint()', () => {
  for (const c of CASES) {
    it(c.name, () => {
      let result: LintResult | undefined;
      const ms = cpuMsOf(() => {
        result = lint({ path: c.file, text: c.text });
      });
      assert.ok(result, 'lint returned nothing');
      assert.ok(ms <= c.budgetMs, `took ${ms.toFixed(0)} ms CPU, budget ${c.budgetMs} ms`);
      assert.deepEqual(result.crashedRules, []);
      if (c.skipped) {
        assert.match(result.skipped ?? '', c.skipped);
        assert.ok(result.problems.some((p) => c.skipped!.test(p.message)), 'the reason is also a problem, so editors show it');
      } else {
        assert.equal(result.skipped, undefined, `unexpectedly skipped: ${result.skipped}`);
        const lines = new LineIndex(c.text);
        for (const f of result.findings.slice(0, 2000)) assert.ok(rangeInside(lines, f.range), `${f.ruleId} ${JSON.stringify(f.range)}`);
      }
    });
  }
});

describe('limits: hostile inputs through the CLI process', () => {
  const cli = join(REPO_ROOT, 'bin', 'bulkhead.js');
  const built = existsSync(join(REPO_ROOT, 'server', 'out', 'cli.js'));
  let dir = '';
  before(() => {
    if (!built) return;
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-limits-'));
    CASES.forEach((c, i) => {
      if (!c.cli) return;
      mkdirSync(join(dir, `case-${i}`));
      writeFileSync(join(dir, `case-${i}`, c.file), c.text);
    });
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  it('lints every case in one run, reporting skipped files with their reason', (t, done) => {
    if (!built) {
      t.skip('server/out/cli.js is not built');
      done();
      return;
    }
    execFile(process.execPath, [cli, 'lint', dir, '--format', 'json'], { maxBuffer: 512 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      try {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        assert.ok(code === 0 || code === 1, `exit ${code}${error?.killed ? ' (killed by timeout)' : ''}: ${stderr.slice(-2000)}`);
        const report = JSON.parse(stdout) as { files: { path: string }[]; skipped: { path: string; reason: string }[]; errors: unknown[] };
        assert.deepEqual(report.errors, []);
        CASES.forEach((c, i) => {
          if (!c.cli) return;
          const where = `case-${i}/${c.file}`;
          const skipped = report.skipped.find((s) => s.path.endsWith(where));
          if (c.skipped) assert.ok(skipped && /larger than|binary|nested too deeply/.test(skipped.reason), `${c.name}: expected a skip reason, got ${JSON.stringify(skipped)}`);
          else assert.ok(report.files.some((f) => f.path.endsWith(where)) || skipped, `${c.name}: not in the report`);
        });
        done();
      } catch (e) {
        done(e);
      }
    });
  });
});
