/** `bulkhead image` (the built CLI process) against the shared fixture images: every planted problem, nothing deleted. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { sarifSchemaErrors } from '../cli/helpers';
import { cli, imagesDir, sharedMissing, tmpDir, type JsonResult } from './helpers';

const skip = sharedMissing();
const env = { ...process.env, PATH: '/nonexistent-bin' }; // no trivy/grype/docker: the built-in auditor runs

function scan(target: string, extra: string[] = []): { r: JsonResult; status: number | null; stderr: string } {
  const res = cli(['image', path.join(imagesDir, target), '--format', 'json', ...extra], { env: { ...env } });
  assert.ok(res.stdout.length > 0, `no output; stderr: ${res.stderr}`);
  return { r: JSON.parse(res.stdout) as JsonResult, status: res.status, stderr: res.stderr };
}

function has(r: JsonResult, id: string, pathOrText?: string): boolean {
  return r.findings.some((f) => f.id === id && (pathOrText === undefined || f.path === pathOrText || f.message.includes(pathOrText)));
}

/** The problems the images README plants in the `insecure` image. */
const INSECURE_PLANTED: [string, string?][] = [
  ['IMG-USER-ROOT'],
  ['IMG-ENV-SECRET', 'API_TOKEN'],
  ['IMG-LABEL-SECRET', 'com.example.secret_key'],
  ['IMG-SENSITIVE-VOLUME', '/proc'],
  ['IMG-NO-HEALTHCHECK'],
  ['IMG-SETUID', 'usr/bin/suidtool'],
  ['IMG-SETGID', 'usr/bin/sgidtool'],
  ['IMG-SECRET', 'root/.ssh/id_rsa'],
  ['IMG-DOTENV', 'app/.env'],
  ['IMG-GIT-DIR', 'app/.git'],
  ['IMG-PACKAGE-CACHE', 'var/cache/apk'],
  ['IMG-PACKAGE-CACHE', 'var/lib/apt/lists'],
  ['IMG-WORLD-WRITABLE', 'data/shared'],
  ['IMG-EMPTY-PASSWORD', 'etc/shadow'],
  ['IMG-DUPLICATE-UID', 'etc/passwd'],
  ['IMG-APT-UPDATE-ALONE'],
  ['IMG-APT-LISTS'],
];

describe('bulkhead image on the fixture images', { skip }, () => {
  for (const target of ['insecure.docker-archive.tar', 'insecure-oci-layout', 'insecure-oci-layout:insecure', 'insecure.oci-archive.tar']) {
    it(`${target}: every planted problem, nothing from deleted files`, () => {
      const { r, status } = scan(target);
      assert.equal(status, 1, 'high findings → exit 1');
      for (const [id, where] of INSECURE_PLANTED) assert.ok(has(r, id, where), `missing ${id} ${where ?? ''}`);
      // tmp is 1777 (sticky): not world-writable finding; whiteout-deleted files appear nowhere.
      assert.ok(!r.findings.some((f) => f.path === 'tmp'), 'sticky /tmp must not be flagged');
      for (const f of r.findings) {
        assert.ok(!f.path?.startsWith('opt/old/remove-me.txt') && !f.path?.startsWith('opt/old/sub/file.txt'), `deleted file reported: ${f.path}`);
      }
      // The id_rsa is reported once (by content), not a second time by name.
      assert.equal(r.findings.filter((f) => f.path === 'root/.ssh/id_rsa').length, 1);
      // Exactly the expected set of check ids: nothing that is not there.
      const ids = new Set(r.findings.map((f) => f.id));
      assert.deepEqual([...ids].sort(), [...new Set([...INSECURE_PLANTED.map(([id]) => id), 'IMG-SECRET'])].sort());
      assert.equal(r.image.layers.length, 2);
    });
  }

  it('insecure-oci-layout:base picks the one-layer base image (no config problems from the insecure tag)', () => {
    const { r } = scan('insecure-oci-layout:base');
    assert.equal(r.image.layers.length, 1);
    assert.ok(!has(r, 'IMG-ENV-SECRET') && !has(r, 'IMG-SENSITIVE-VOLUME'));
    assert.ok(has(r, 'IMG-SETUID', 'usr/bin/suidtool'));
  });

  it('whiteout.docker25-style.tar: opaque and plain whiteouts applied; the deleted key is reported as deleted-but-present', () => {
    const { r, status } = scan('whiteout.docker25-style.tar');
    assert.equal(status, 1);
    assert.ok(!has(r, 'IMG-USER-ROOT'), 'User is 1000');
    assert.ok(!has(r, 'IMG-NO-HEALTHCHECK'), 'Healthcheck is set');
    assert.ok(!r.findings.some((f) => f.id === 'IMG-SECRET' && f.path === 'etc/server.pem'), 'whited-out key is not in the final view');
    const del = r.findings.find((f) => f.id === 'IMG-SECRET-DELETED');
    assert.ok(del && del.path === 'etc/server.pem' && del.deletedLater === true && del.layerIndex === 0);
    assert.equal(r.findings.length, 1, JSON.stringify(r.findings.map((f) => f.id)));
  });

  it('minimal.docker25-style.tar: root by default, SECRET_KEY env, setuid file', () => {
    const { r } = scan('minimal.docker25-style.tar');
    assert.ok(has(r, 'IMG-USER-ROOT'));
    assert.ok(has(r, 'IMG-ENV-SECRET', 'SECRET_KEY'));
    assert.ok(has(r, 'IMG-SETUID', 'usr/bin/s'));
    assert.ok(has(r, 'IMG-NO-HEALTHCHECK'));
    assert.equal(r.findings.length, 4);
  });

  it('text output, --fail-on none, sarif and exit codes', () => {
    const text = cli(['image', path.join(imagesDir, 'minimal.docker25-style.tar')], { env });
    assert.equal(text.status, 1);
    assert.match(text.stdout, /IMG-USER-ROOT \(CIS-DI-0001\)/);
    assert.match(text.stdout, /4 findings: 0 critical, 1 high, 1 medium, 2 low/);
    const none = cli(['image', path.join(imagesDir, 'minimal.docker25-style.tar'), '--fail-on', 'none'], { env });
    assert.equal(none.status, 0);
    const crit = cli(['image', path.join(imagesDir, 'minimal.docker25-style.tar'), '--fail-on', 'critical'], { env });
    assert.equal(crit.status, 0, 'no critical finding');
    const sarif = cli(['image', path.join(imagesDir, 'insecure.docker-archive.tar'), '--format', 'sarif'], { env });
    const doc = JSON.parse(sarif.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string }[] }[] };
    assert.equal(doc.version, '2.1.0');
    assert.deepEqual(sarifSchemaErrors(doc), [], 'valid against the SARIF 2.1.0 schema');
    const run = doc.runs[0];
    assert.ok(run);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex]?.id, res.ruleId);
    assert.ok(run.results.some((x) => x.ruleId === 'IMG-EMPTY-PASSWORD' && x.level === 'error'));
  });

  it('usage and input errors exit 2 with a message', () => {
    const bad = cli(['image', path.join(imagesDir, 'minimal.docker25-style.tar'), '--format', 'xml'], { env });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be one of/);
    const missing = cli(['image', '/nonexistent/dir/image.tar'], { env });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /not a file, a directory or a valid image reference/);
    const notImage = cli(['image', path.join(imagesDir, 'README.md')], { env });
    assert.equal(notImage.status, 2);
    assert.match(notImage.stderr, /not a tar archive/);
    const noEngine = cli(['image', 'example/insecure:1.0'], { env });
    assert.equal(noEngine.status, 2);
    assert.match(noEngine.stderr, /no container engine \(docker or podman\) was found/);
  });

  it('--output and --sbom write files', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'r.json');
    const sbom = path.join(dir, 'sbom.json');
    const res = cli(['image', path.join(imagesDir, 'minimal.docker25-style.tar'), '--format', 'json', '-o', out, '--sbom', sbom], { env });
    assert.equal(res.stdout, '');
    assert.equal((JSON.parse(readFileSync(out, 'utf8')) as JsonResult).findings.length, 4);
    const bom = JSON.parse(readFileSync(sbom, 'utf8')) as { bomFormat: string; specVersion: string; metadata: { component: { type: string; name: string } } };
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.metadata.component.type, 'container');
    assert.equal(bom.metadata.component.name, 'example/hand:25');
  });
});
