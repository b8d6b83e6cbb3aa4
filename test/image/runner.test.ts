/** External scanners and the engine through the CLI process, with fake executables on PATH. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { cli, imagesDir, scannersDir, sharedMissing, tmpDir, type JsonResult } from './helpers';
import { alive, argsFile, fakeEnv, installFakes } from './fakes';

const skip = sharedMissing();
const archive = path.join(imagesDir, 'insecure.docker-archive.tar');

describe('external scanners with fake executables', { skip }, () => {
  let dir = '';
  before(() => {
    dir = tmpDir();
    installFakes(dir);
  });
  const trivyOut = (): string => path.join(scannersDir, 'trivy', 'alpine-310.json.golden');

  it('--scanner trivy reproduces the recorded vulnerabilities, plus the built-in findings; offline flags, no shell', () => {
    const res = cli(['image', archive, '--scanner', 'trivy', '--format', 'json', '--fail-on', 'critical'], { env: fakeEnv(dir, { FAKE_TRIVY_OUTPUT: trivyOut() }) });
    assert.equal(res.status, 0, res.stderr);
    const r = JSON.parse(res.stdout) as JsonResult;
    const vulns = r.findings.filter((f) => f.kind === 'vulnerability');
    assert.deepEqual(vulns.map((f) => `${f.id} ${f.pkg?.name} ${f.pkg?.installed}→${f.pkg?.fixed}`).sort(), [
      'CVE-2019-1549 libcrypto1.1 1.1.1c-r0→1.1.1d-r0',
      'CVE-2019-1549 libssl1.1 1.1.1c-r0→1.1.1d-r0',
      'CVE-2019-1551 libcrypto1.1 1.1.1c-r0→1.1.1d-r2',
      'CVE-2019-1551 libssl1.1 1.1.1c-r0→1.1.1d-r2',
    ]);
    assert.ok(r.findings.some((f) => f.id === 'IMG-EMPTY-PASSWORD'), 'configuration checks still run');
    assert.equal(r.scanner.name, 'trivy + bulkhead');
    const args = JSON.parse(readFileSync(argsFile(dir, 'trivy'), 'utf8')) as string[];
    assert.deepEqual(args.slice(0, 6), ['image', '--quiet', '--format', 'json', '--scanners', 'vuln,secret']);
    assert.ok(args.includes('--skip-db-update'), 'offline by default');
    assert.deepEqual(args.slice(-2), ['--input', archive]);
  });

  it('--scanner auto picks trivy when it is on PATH', () => {
    const res = cli(['image', archive, '--format', 'json'], { env: fakeEnv(dir, { FAKE_TRIVY_OUTPUT: trivyOut() }) });
    const r = JSON.parse(res.stdout) as JsonResult;
    assert.equal(r.findings.filter((f) => f.kind === 'vulnerability').length, 4);
  });

  it('--scanner auto falls back to the built-in audit, with the reason, when the installed scanner cannot run', () => {
    const res = cli(['image', archive, '--format', 'json'], { env: fakeEnv(dir, { FAKE_TRIVY_MODE: 'nodb' }) });
    assert.equal(res.status, 1, res.stderr);
    const r = JSON.parse(res.stdout) as JsonResult;
    assert.equal(r.scanner.name, 'bulkhead');
    assert.match(r.notes[0] ?? '', /^trivy could not run, so no vulnerabilities were matched.*Trivy has no vulnerability database yet/s);
    assert.ok(r.findings.some((f) => f.id === 'IMG-EMPTY-PASSWORD'));
  });

  it('--allow-db-update drops the offline flags', () => {
    cli(['image', archive, '--scanner', 'trivy', '--allow-db-update', '--format', 'json'], { env: fakeEnv(dir, { FAKE_TRIVY_OUTPUT: trivyOut() }) });
    const args = JSON.parse(readFileSync(argsFile(dir, 'trivy'), 'utf8')) as string[];
    assert.ok(!args.includes('--skip-db-update'));
  });

  const failures: [string, Record<string, string>, RegExp][] = [
    ['trivy without a DB', { FAKE_TRIVY_MODE: 'nodb' }, /Trivy has no vulnerability database yet.*--download-db-only/s],
    ['trivy offline', { FAKE_TRIVY_MODE: 'offline' }, /could not download its vulnerability database \(offline\?\)/],
    ['trivy printing garbage', { FAKE_TRIVY_MODE: 'garbage' }, /trivy printed output that is not the report Bulkhead expects \(it starts with "<html>definitely not json/],
    ['trivy printing other JSON', { FAKE_TRIVY_MODE: 'wrongjson' }, /not the report Bulkhead expects/],
    ['trivy exiting 3', { FAKE_TRIVY_MODE: 'exit3' }, /Trivy exited with code 3:\npanic: something unexpected happened/],
  ];
  for (const [name, env, message] of failures) {
    it(`${name}: exit 2 with an actionable message`, () => {
      const res = cli(['image', archive, '--scanner', 'trivy'], { env: fakeEnv(dir, env) });
      assert.equal(res.status, 2);
      assert.match(res.stderr, message);
      assert.equal(res.stdout, '');
    });
  }

  it('a hanging scanner is stopped at the time-out, with its whole process tree', () => {
    const pidFile = path.join(dir, 'pids.json');
    const started = Date.now();
    const res = cli(['image', archive, '--scanner', 'trivy', '--timeout', '1'], { env: fakeEnv(dir, { FAKE_TRIVY_MODE: 'hang', FAKE_PID_FILE: pidFile }), timeout: 30_000 });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /trivy did not finish within 1 s and was stopped/);
    assert.ok(Date.now() - started < 15_000);
    assert.ok(existsSync(pidFile));
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
    // SIGKILL to the group is immediate, but give the kernel a moment to reap.
    const deadline = Date.now() + 3000;
    while (pids.some(alive) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} survived`);
  });

  it('grype: recorded output parsed; missing and stale DB explained', () => {
    const ok = cli(['image', archive, '--scanner', 'grype', '--format', 'json'], { env: fakeEnv(dir, { FAKE_GRYPE_OUTPUT: path.join(scannersDir, 'grype', 'defectdojo.many_vulns_with_epss_values.json') }) });
    const r = JSON.parse(ok.stdout) as JsonResult;
    assert.equal(r.findings.filter((f) => f.kind === 'vulnerability').length, 15);
    const args = JSON.parse(readFileSync(argsFile(dir, 'grype'), 'utf8')) as string[];
    assert.deepEqual(args, [`docker-archive:${archive}`, '-o', 'json']);
    const nodb = cli(['image', archive, '--scanner', 'grype'], { env: fakeEnv(dir, { FAKE_GRYPE_MODE: 'nodb' }) });
    assert.equal(nodb.status, 2);
    assert.match(nodb.stderr, /Grype has no vulnerability database\. Run `grype db update`/);
    const stale = cli(['image', archive, '--scanner', 'grype'], { env: fakeEnv(dir, { FAKE_GRYPE_MODE: 'stale' }) });
    assert.match(stale.stderr, /too old to be trusted.*GRYPE_DB_VALIDATE_AGE=false/s);
  });

  it('grype gets oci-dir: for an OCI layout', () => {
    const layout = path.join(imagesDir, 'insecure-oci-layout');
    cli(['image', layout, '--scanner', 'grype', '--format', 'json'], { env: fakeEnv(dir, { FAKE_GRYPE_OUTPUT: path.join(scannersDir, 'grype', 'defectdojo.no_vuln.json') }) });
    const args = JSON.parse(readFileSync(argsFile(dir, 'grype'), 'utf8')) as string[];
    assert.equal(args[0], `oci-dir:${layout}`);
  });

  it('docker scout: SARIF parsed, online note; missing plugin explained', () => {
    const ok = cli(['image', archive, '--scanner', 'scout', '--format', 'json', '--fail-on', 'none'], { env: fakeEnv(dir, { FAKE_SCOUT_OUTPUT: path.join(scannersDir, 'scout', 'SYNTHETIC-scout-cves.sarif.json') }) });
    assert.equal(ok.status, 0, ok.stderr);
    const r = JSON.parse(ok.stdout) as JsonResult;
    assert.deepEqual(r.findings.filter((f) => f.kind === 'vulnerability').map((f) => f.id), ['CVE-2025-60876', 'CVE-2011-3374'].filter((id) => r.findings.some((f) => f.id === id)));
    assert.equal(r.findings.filter((f) => f.kind === 'vulnerability').length, 2);
    assert.match(r.notes.join('\n'), /left this machine/);
    assert.deepEqual(JSON.parse(readFileSync(argsFile(dir, 'docker'), 'utf8')), ['scout', 'cves', '--format', 'sarif', `archive://${archive}`]);
    const missing = cli(['image', archive, '--scanner', 'scout'], { env: fakeEnv(dir, { FAKE_DOCKER_MODE: 'noscout' }) });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no scout plugin/);
  });

  it('a scanner that is not installed: what to install and the built-in fallback', () => {
    const empty = tmpDir();
    const res = cli(['image', archive, '--scanner', 'trivy'], { env: { ...process.env, PATH: empty } });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /trivy was not found on PATH\. Install Trivy .*--scanner builtin/s);
    const configured = cli(['image', archive, '--scanner', 'grype', '--grype-path', path.join(empty, 'nope')], { env: { ...process.env, PATH: empty } });
    assert.match(configured.stderr, /grype was not found at the configured path/);
  });
});

describe('local engine images through a fake docker', { skip }, () => {
  let dir = '';
  before(() => {
    dir = tmpDir();
    installFakes(dir);
  });
  it('exports the image with `docker save -o <tmp> <ref>` and audits it; the temp archive is removed', () => {
    const res = cli(['image', 'example/insecure:1.0', '--format', 'json', '--scanner', 'builtin'], { env: fakeEnv(dir, { FAKE_DOCKER_OUTPUT: archive }) });
    assert.equal(res.status, 1, res.stderr);
    const r = JSON.parse(res.stdout) as JsonResult;
    assert.ok(r.findings.some((f) => f.id === 'IMG-EMPTY-PASSWORD'));
    const args = JSON.parse(readFileSync(argsFile(dir, 'docker'), 'utf8')) as string[];
    assert.equal(args[0], 'save');
    assert.equal(args[1], '-o');
    assert.equal(args[3], 'example/insecure:1.0');
    assert.ok(!existsSync(args[2] ?? ''), 'temporary archive deleted');
    assert.ok(!r.findings.some((f) => f.id === 'IMG-LATEST-TAG'), 'a fixed tag');
    const latest = cli(['image', 'example/insecure', '--format', 'json', '--scanner', 'builtin'], { env: fakeEnv(dir, { FAKE_DOCKER_OUTPUT: archive }) });
    const rl = JSON.parse(latest.stdout) as JsonResult;
    assert.ok(rl.findings.some((f) => f.id === 'IMG-LATEST-TAG' && f.aliases?.includes('DKL-DI-0006')));
  });
  it('unknown image and stopped engine give clear messages; option-like references are refused', () => {
    const unknown = cli(['image', 'example/other:2', '--scanner', 'builtin'], { env: fakeEnv(dir, { FAKE_DOCKER_OUTPUT: archive }) });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /has no such image locally\. Pull or build it first/);
    const down = cli(['image', 'example/insecure:1.0', '--scanner', 'builtin'], { env: fakeEnv(dir, { FAKE_DOCKER_MODE: 'down' }) });
    assert.match(down.stderr, /engine is not running/);
    const weird = cli(['image', 'a;rm -rf /', '--scanner', 'builtin'], { env: fakeEnv(dir) });
    assert.equal(weird.status, 2);
    assert.match(weird.stderr, /not a file, a directory or a valid image reference/);
  });
});
