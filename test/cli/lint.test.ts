/**
 * `bulkhead lint` through the real process: exit codes, thresholds, directories, ignores and
 * bad input. Rule-specific assertions use the seed rules DF001 (latest tag, warning), K8S001
 * (privileged container, error) and DC001 (privileged service, error); `--severity '*=off'`
 * isolates one rule where other rules' findings would change the exit code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { chmodSync } from 'node:fs';
import { parseJson, runCli, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';

const ONLY = (id: string, sev: string): string[] => ['--severity', '*=off', '--severity', `${id}=${sev}`];
const LATEST = 'FROM node:latest\n';
const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
const PRIVILEGED_SERVICE = 'services:\n  app:\n    image: nginx:1.27\n    privileged: true\n';

describe('bulkhead lint: exit codes and thresholds', () => {
  const dir = tempTree({ Dockerfile: LATEST, 'pod.yaml': PRIVILEGED_POD, 'compose.yaml': PRIVILEGED_SERVICE });

  it('exits 0 when the only finding (a warning) is below the default threshold, and prints it', async () => {
    const r = await runCli(['lint', 'Dockerfile', ...ONLY('DF001', 'warning')], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Dockerfile:1:10 warning DF001 Base image 'node:latest' uses the mutable 'latest' tag\.$/m);
    assert.match(r.stdout, /^1 finding \(1 warning\) in 1 of 1 file\.$/m);
  });

  for (const [failOn, expected] of [['error', 0], ['warning', 1], ['info', 1], ['none', 0]] as const) {
    it(`--fail-on ${failOn} with a warning exits ${expected}`, async () => {
      const r = await runCli(['lint', 'Dockerfile', '--fail-on', failOn, ...ONLY('DF001', 'warning')], dir);
      assert.equal(r.code, expected, r.stdout + r.stderr);
    });
  }

  for (const [failOn, expected] of [['error', 1], ['warning', 1], ['info', 1], ['none', 0]] as const) {
    it(`--fail-on ${failOn} with an error exits ${expected}`, async () => {
      const r = await runCli(['lint', 'pod.yaml', `--fail-on=${failOn}`, ...ONLY('K8S001', 'error')], dir);
      assert.equal(r.code, expected, r.stdout + r.stderr);
    });
  }

  it('--fail-on warning passes when the finding is overridden down to info', async () => {
    const r = await runCli(['lint', 'Dockerfile', '--fail-on', 'warning', ...ONLY('DF001', 'info')], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Dockerfile:1:10 info DF001 /);
  });

  it('exits 0 with "No findings" when every finding is disabled', async () => {
    const r = await runCli(['lint', '.', '--fail-on', 'info', '--disable', 'DF001,K8S001', '--disable', 'DC001', '--severity', '*=off'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^No findings in 3 files\.$/m);
  });

  it('--disable accepts rule names and globs', async () => {
    const r = await runCli(['lint', 'pod.yaml', '--format', 'json', '--disable', 'privileged-container'], dir);
    const report = parseJson<JsonReport>(r);
    assert.ok(!report.files[0]?.findings.some((f) => f.ruleId === 'K8S001'));
    const g = parseJson<JsonReport>(await runCli(['lint', 'compose.yaml', '--format', 'json', '--disable', 'DC*'], dir));
    assert.deepEqual(g.files[0]?.findings.filter((f) => f.ruleId.startsWith('DC')), []);
  });

  it('exits 1 on an error by default for each target', async () => {
    for (const [file, id] of [['pod.yaml', 'K8S001'], ['compose.yaml', 'DC001']] as const) {
      const r = await runCli(['lint', file], dir);
      assert.equal(r.code, 1, `${file}: ${r.stdout}`);
      assert.match(r.stdout, new RegExp(`^${file}:\\d+:\\d+ error ${id} `, 'm'));
    }
  });
});

describe('bulkhead lint: usage errors exit 2 with a message on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['lint', '--frobnicate'], /unknown option '--frobnicate'/],
    ['bad format', ['lint', '--format', 'xml', '.'], /invalid value 'xml' for '--format'/],
    ['bad fail-on', ['lint', '--fail-on', 'critical', '.'], /invalid value 'critical' for '--fail-on'/],
    ['missing value', ['lint', '--format'], /option '--format' needs a value/],
    ['bad severity', ['lint', '--severity', 'DF001=loud', '.'], /invalid --severity 'DF001=loud'/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['stdin', ['lint', '-'], /standard input is not supported/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
  it('no command prints the usage to stderr', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: bulkhead <command>/);
  });
});

describe('bulkhead lint: unreadable and bad input', () => {
  it('a missing path exits 2 and names it on stderr, still reporting the readable files', async () => {
    const dir = tempTree({ Dockerfile: LATEST });
    const r = await runCli(['lint', 'Dockerfile', 'does-not-exist.yaml', ...ONLY('DF001', 'error')], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read 'does-not-exist\.yaml': no such file or directory/);
    assert.match(r.stdout, /^Dockerfile:1:10 error DF001 /m);
    assert.match(r.stdout, /1 unreadable/);
  });

  it('a path that is neither a file nor a directory exits 2 instead of blocking', async (t) => {
    if (process.platform === 'win32') return t.skip('no /dev/null on Windows');
    const r = await runCli(['lint', '/dev/null']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read '\/dev\/null': not a regular file or directory/);
  });

  it('an unreadable file exits 2 (permission denied)', async (t) => {
    if (process.getuid?.() === 0) return t.skip('running as root: file permissions do not stop reads');
    const dir = tempTree({ Dockerfile: LATEST });
    chmodSync(path.join(dir, 'Dockerfile'), 0o000);
    const r = await runCli(['lint', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /permission denied/);
  });

  it('a binary file is reported as skipped, not a crash', async () => {
    const dir = tempTree({ Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02]) });
    const r = await runCli(['lint', '.', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = parseJson<JsonReport>(r);
    assert.equal(report.skipped.length, 1);
    assert.equal(report.skipped[0]?.path, 'Dockerfile');
    assert.match(report.skipped[0]?.reason ?? '', /binary/);
    const text = await runCli(['lint', '.'], dir);
    assert.match(text.stdout, /^Dockerfile: skipped: .*binary/m);
  });

  it('malformed YAML is reported as problems with positions, not a crash', async () => {
    const dir = tempTree({ 'compose.yaml': 'services:\n  app:\n    image: "nginx\n    privileged: [true\n', 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  name: q\n' });
    const r = await runCli(['lint', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    const report = parseJson<JsonReport>(r);
    for (const name of ['compose.yaml', 'pod.yaml']) {
      const file = report.files.find((f) => f.path === name);
      assert.ok(file, `${name} is reported`);
      const yamlProblems = file.problems.filter((p) => p.source === 'yaml');
      assert.ok(yamlProblems.length > 0, `${name} has YAML problems`);
      for (const p of yamlProblems) {
        assert.equal(p.severity, 'error');
        assert.ok(p.line >= 1 && p.column >= 1);
      }
    }
    assert.equal(report.summary.problems, report.files.reduce((n, f) => n + f.problems.length, 0));
    const text = await runCli(['lint', 'pod.yaml'], dir);
    assert.match(text.stdout, /^pod\.yaml:5:3 error yaml\/DUPLICATE_KEY /m);
    const only = await runCli(['lint', 'pod.yaml', '--severity', '*=off'], dir);
    assert.match(only.stdout, /^0 findings and 1 problem \(1 error\) in 1 of 1 file\.$/m);
  });

  it('a file too large to lint is skipped without being read', async () => {
    const dir = tempTree({ Dockerfile: `FROM alpine:3.20\n${'# padding padding padding padding padding padding\n'.repeat(120_000)}` });
    const r = await runCli(['lint', '.', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.match(parseJson<JsonReport>(r).skipped[0]?.reason ?? '', /larger than/);
  });
});

describe('bulkhead lint: directories', () => {
  const dir = tempTree({
    'app/Dockerfile': LATEST,
    'app/build_Dockerfile': LATEST,
    'app/README.md': '# not linted\n',
    'deploy/pod.yaml': PRIVILEGED_POD,
    'deploy/values.json': '{"replicas": 2}\n',
    'deploy/config.yaml': 'log_level: debug\n',
    'docker-compose.yml': PRIVILEGED_SERVICE,
    'node_modules/pkg/Dockerfile': LATEST,
    '.git/Dockerfile': LATEST,
    'vendor/Dockerfile': LATEST,
    'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n',
  });

  it('walks recursively, skips node_modules, .git and --ignore globs, and drops plain YAML/JSON', async () => {
    const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', '--ignore', 'vendor/**'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = parseJson<JsonReport>(r);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['app/Dockerfile', 'app/build_Dockerfile', 'deploy/pod.yaml', 'docker-compose.yml']);
    assert.deepEqual(Object.fromEntries(report.files.map((f) => [f.path, f.kind])), { 'app/Dockerfile': 'dockerfile', 'app/build_Dockerfile': 'dockerfile', 'deploy/pod.yaml': 'kubernetes', 'docker-compose.yml': 'compose' });
    assert.equal(report.summary.filesRead, 7, 'the 4 linted files, the Helm template and the two plain YAML/JSON files were read');
    assert.equal(report.summary.filesChecked, 5);
  });

  it('reports Helm templates as skipped', async () => {
    const r = await runCli(['lint', 'chart', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    const report = parseJson<JsonReport>(r);
    assert.deepEqual(report.files, []);
    assert.equal(report.skipped[0]?.path, 'chart/templates/deployment.yaml');
    assert.match(report.skipped[0]?.reason ?? '', /Helm/);
    assert.equal(report.summary.filesSkipped, 1);
  });

  it('--ignore matches file names anywhere in the tree', async () => {
    const r = await runCli(['lint', '.', '--format', 'json', '--fail-on', 'none', '--ignore', '*Dockerfile', '--ignore', 'chart'], dir);
    const report = parseJson<JsonReport>(r);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['deploy/pod.yaml', 'docker-compose.yml']);
    assert.deepEqual(report.skipped, []);
  });

  it('a plain YAML file named on the command line is reported as skipped, not dropped', async () => {
    const r = await runCli(['lint', 'deploy/config.yaml', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    const report = parseJson<JsonReport>(r);
    assert.equal(report.skipped[0]?.path, 'deploy/config.yaml');
    assert.match(report.skipped[0]?.reason ?? '', /Not a Kubernetes manifest or Compose file/);
  });

  it('paths outside the working directory are shown relative to it', async () => {
    const r = await runCli(['lint', path.join(dir, 'app', 'Dockerfile'), ...ONLY('DF001', 'warning')], path.join(dir, 'deploy'));
    assert.match(r.stdout, /^\.\.\/app\/Dockerfile:1:10 warning DF001 /m);
  });

  it('--output writes the report to a file', async () => {
    const r = await runCli(['lint', 'app/Dockerfile', '--format', 'json', '-o', 'out/report.json'], dir);
    assert.equal(r.code, 2, 'the folder out/ does not exist: writing fails with exit 2');
    assert.match(r.stderr, /cannot write 'out\/report\.json'/);
    const ok = await runCli(['lint', 'app/Dockerfile', '--format', 'json', '-o', 'report.json', ...ONLY('DF001', 'warning')], dir);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, '');
    const { readFileSync } = await import('node:fs');
    const written = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as JsonReport;
    assert.equal(written.files[0]?.findings[0]?.ruleId, 'DF001');
  });
});
