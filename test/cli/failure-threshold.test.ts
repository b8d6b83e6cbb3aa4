/**
 * `.hadolint.yaml` `failure-threshold` through the CLI process: it is the default `--fail-on` of
 * the Dockerfiles under it, an explicit `--fail-on` wins, and the JSON contract stays the same.
 * Also: label-schema keys in both config files reach the rules, and bad label types are reported.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { parseJson, runCli, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

// DF001 latest-tag is a warning by default; with DL3007 overridden to info it is an info finding.
const WARNING_ONLY = 'FROM node:latest\nUSER node\nHEALTHCHECK NONE\n';

function tree(hadolint: string | undefined, extra: Record<string, string> = {}): string {
  return tempTree({ Dockerfile: WARNING_ONLY, ...(hadolint === undefined ? {} : { '.hadolint.yaml': hadolint }), ...extra });
}

/** Lints `dir` (or the paths among `args`, which may also hold flags) with JSON output. */
async function lintIn(dir: string, ...args: string[]): Promise<{ code: number | null; report: JsonReport }> {
  const paths = args.some((a, i) => !a.startsWith('-') && !(args[i - 1] ?? '').startsWith('--fail-on')) ? [] : ['.'];
  const r = await runCli(['lint', ...paths, '--format', 'json', ...args], dir);
  return { code: r.code, report: parseJson<JsonReport>(r) };
}

describe('bulkhead lint: .hadolint.yaml failure-threshold', () => {
  it('the Dockerfile has warnings and no errors (precondition)', async () => {
    const dir = tree(undefined);
    try {
      const { code, report } = await lintIn(dir);
      assert.ok(report.summary.warnings > 0, JSON.stringify(report.summary));
      assert.equal(report.summary.errors, 0, JSON.stringify(report.files));
      assert.equal(code, 0, 'the default threshold (error) is not reached');
      assert.equal(report.summary.failOn, 'error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('failure-threshold: warning makes warnings fail the run', async () => {
    const dir = tree('failure-threshold: warning\n');
    try {
      const { code, report } = await lintIn(dir);
      assert.equal(code, 1);
      assert.equal(report.summary.exitCode, 1);
      assert.equal(report.summary.failOn, 'warning', 'the summary shows the threshold in force');
      const text = await runCli(['lint', '.'], dir);
      assert.equal(text.code, 1, 'the text format exits the same way');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an explicit --fail-on wins over failure-threshold (both directions)', async () => {
    const lax = tree('failure-threshold: warning\n');
    const strict = tree('failure-threshold: error\n');
    try {
      const a = await lintIn(lax, '--fail-on', 'error');
      assert.equal(a.code, 0);
      assert.equal(a.report.summary.failOn, 'error');
      const b = await lintIn(strict, '--fail-on', 'warning');
      assert.equal(b.code, 1);
      assert.equal((await lintIn(lax, '--fail-on', 'none')).code, 0);
    } finally {
      rmSync(lax, { recursive: true, force: true });
      rmSync(strict, { recursive: true, force: true });
    }
  });

  it('style, ignore and none fail on any finding, as in hadolint (mapped to info)', async () => {
    for (const level of ['style', 'ignore', 'none', 'info']) {
      const dir = tree(`failure-threshold: ${level}\noverride:\n  info: [DL3007]\n`);
      try {
        const { code, report } = await lintIn(dir);
        assert.equal(report.summary.warnings + report.summary.errors, 0, `${level}: only info findings left: ${JSON.stringify(report.summary)}`);
        assert.ok(report.summary.infos > 0);
        assert.equal(code, 1, level);
        assert.equal(report.summary.failOn, 'info');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('failure-threshold: error lets warnings pass; --no-config ignores it', async () => {
    const dir = tree('failure-threshold: error\n');
    const lax = tree('failure-threshold: warning\n');
    try {
      assert.equal((await lintIn(dir)).code, 0);
      assert.equal((await lintIn(lax, '--no-config')).code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(lax, { recursive: true, force: true });
    }
  });

  it('applies per folder, and only to Dockerfiles', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:latest\n';
    const dir = tempTree({ 'strict/.hadolint.yaml': 'failure-threshold: warning\n', 'strict/Dockerfile': WARNING_ONLY, 'lax/Dockerfile': WARNING_ONLY, 'k8s/.hadolint.yaml': 'failure-threshold: info\n', 'k8s/pod.yaml': pod });
    try {
      assert.equal((await lintIn(dir, 'strict')).code, 1);
      assert.equal((await lintIn(dir, 'lax')).code, 0);
      const k8s = await lintIn(dir, 'k8s');
      assert.equal(k8s.report.summary.errors, 0, JSON.stringify(k8s.report.summary));
      assert.ok(k8s.report.summary.findings > 0);
      assert.equal(k8s.code, 0, 'a hadolint threshold does not apply to manifests');
      const both = await lintIn(dir, 'strict', 'lax');
      assert.equal(both.code, 1, 'one strict Dockerfile fails the run');
      assert.equal(both.report.summary.failOn, 'error', 'mixed thresholds: the summary shows the default');
      assert.equal((await lintIn(dir, 'strict', 'lax', '--jobs', '2')).code, 1, 'the threshold travels through worker threads');
      assert.equal((await lintIn(dir, 'lax', 'k8s', '--jobs', '2')).code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the JSON report shape (no new keys per file or in the summary)', async () => {
    const dir = tree('failure-threshold: warning\n');
    try {
      const { report } = await lintIn(dir);
      assert.deepEqual(Object.keys(report.files[0] ?? {}).sort(), ['findings', 'kind', 'path', 'problems', 'suppressed']);
      assert.deepEqual(Object.keys(report.summary).sort(), ['durationMs', 'errors', 'exitCode', 'failOn', 'filesChecked', 'filesLinted', 'filesRead', 'filesSkipped', 'filesWithFindings', 'findings', 'hints', 'infos', 'problems', 'suppressed', 'unreadable', 'warnings']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bulkhead lint: label schema from config files', () => {
  const dockerfile = 'FROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/x/y" extra="1"\n';
  for (const [name, text] of [
    ['.hadolint.yaml', 'label-schema:\n  org.opencontainers.image.source: url\n  maintainer: email\nstrict-labels: true\n'],
    ['.bulkhead.yaml', 'labelSchema:\n  org.opencontainers.image.source: url\n  maintainer: email\nstrictLabels: true\n'],
  ] as const) {
    it(`reads the schema from ${name}`, async () => {
      const dir = tempTree({ Dockerfile: dockerfile, [name]: text });
      try {
        const { report } = await lintIn(dir, '--fail-on', 'none');
        const ids = (report.files.find((f) => f.path === 'Dockerfile')?.findings ?? []).map((f) => `${f.ruleId}:${f.line}`).filter((x) => /^DF10[1-9]:/.test(x)).sort();
        assert.deepEqual(ids, ['DF101:1', 'DF102:2', 'DF104:2'], 'maintainer missing, extra superfluous, source not a URL');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('reports an unknown label type as a config error', async () => {
    const dir = tempTree({ Dockerfile: dockerfile, '.bulkhead.yaml': 'labelSchema:\n  a: uuid\nstrictLabels: maybe\n', 'h/.hadolint.yaml': 'label-schema:\n  a: URI\n', 'h/Dockerfile': dockerfile });
    try {
      const { code, report } = await lintIn(dir);
      assert.equal(code, 1);
      const problems = report.files.filter((f) => f.kind === 'config').flatMap((f) => f.problems.map((p) => `${f.path}: ${p.message}`));
      assert.ok(problems.some((p) => p.startsWith('.bulkhead.yaml:') && /Label type for 'a'/.test(p)), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('.bulkhead.yaml:') && /strictLabels/.test(p)), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('h/.hadolint.yaml:') && /Label type for 'a'/.test(p)), problems.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
