/** Scanner output parsers on the real recorded outputs, and the config/history checks on Dockle's config fixtures. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { configChecks } from '../../server/src/image/checks/config';
import { historyChecks } from '../../server/src/image/checks/history';
import { parseJson } from '../../server/src/image/json';
import { ParseError, parseGrypeJson, parseScoutSarif, parseTrivyJson } from '../../server/src/image/scanners/parse';
import { parseConfig } from '../../server/src/image/sources/load';
import { scannersDir, sharedMissing } from './helpers';

const skip = sharedMissing();
const load = (p: string): unknown => parseJson(readFileSync(path.join(scannersDir, p), 'utf8'));

describe('Trivy JSON parser', { skip }, () => {
  it('alpine-310: 4 MEDIUM os-package vulnerabilities with fixed versions and layer DiffIDs, EOSL note', () => {
    const r = parseTrivyJson(load('trivy/alpine-310.json.golden'));
    assert.equal(r.scanner.name, 'trivy');
    assert.equal(r.scanner.version, 'dev');
    assert.equal(r.findings.length, 4);
    assert.ok(r.findings.every((f) => f.kind === 'vulnerability' && f.severity === 'medium'));
    const f = r.findings[0];
    assert.equal(f?.id, 'CVE-2019-1549');
    assert.deepEqual({ name: f?.pkg?.name, installed: f?.pkg?.installed, fixed: f?.pkg?.fixed }, { name: 'libcrypto1.1', installed: '1.1.1c-r0', fixed: '1.1.1d-r0' });
    assert.equal(f?.layerDigest, 'sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0');
    assert.equal(f?.pkg?.purl, 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2');
    assert.equal(r.os, 'alpine 3.10.2');
    assert.match(r.notes.join(' '), /end-of-life/);
    assert.deepEqual(r.diffIds, ['sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0']);
  });
  it('alpine-39 high/critical: 2 CRITICAL; debian-buster: an unfixed LOW and a fixed CRITICAL', () => {
    const a = parseTrivyJson(load('trivy/alpine-39-high-critical.json.golden'));
    assert.deepEqual(a.findings.map((f) => [f.id, f.pkg?.name, f.severity]), [
      ['CVE-2019-14697', 'musl', 'critical'],
      ['CVE-2019-14697', 'musl-utils', 'critical'],
    ]);
    const d = parseTrivyJson(load('trivy/debian-buster.json.golden'));
    assert.deepEqual(d.findings.map((f) => [f.id, f.pkg?.name, f.severity, f.pkg?.fixed]), [
      ['CVE-2019-18276', 'bash', 'low', undefined],
      ['CVE-2019-18224', 'libidn2-0', 'critical', '2.0.5-1+deb10u1'],
    ]);
    assert.match(d.findings[0]?.message ?? '', /no fix available/);
    assert.equal(parseTrivyJson(load('trivy/debian-buster-ignore-unfixed.json.golden')).findings.length, 1);
    assert.equal(parseTrivyJson(load('trivy/distroless-python27.json.golden')).findings.length, 4);
  });
  it('secret results become secret findings with the rule id', () => {
    const r = parseTrivyJson(load('trivy/secrets.json.golden'));
    assert.deepEqual(r.findings.map((f) => [f.kind, f.aliases?.[0], f.path]).sort(), [
      ['secret', 'aws-access-key-id', 'deploy.sh'],
      ['secret', 'mysecret', 'deploy.sh'],
    ]);
    assert.equal(r.findings.find((f) => f.aliases?.[0] === 'aws-access-key-id')?.severity, 'critical');
  });
  it('rejects what is not a Trivy report', () => {
    assert.throws(() => parseTrivyJson(load('grype/defectdojo.no_vuln.json')), ParseError);
    assert.throws(() => parseTrivyJson([1, 2]), ParseError);
    assert.throws(() => parseTrivyJson({ SchemaVersion: 1, Results: [] }), ParseError);
    // Wrong field types are skipped, not trusted.
    assert.equal(parseTrivyJson({ SchemaVersion: 2, Results: [{ Vulnerabilities: [{ VulnerabilityID: 5, PkgName: 'x' }, 'junk'] }] }).findings.length, 0);
  });
});

describe('Grype JSON parser', { skip }, () => {
  it('grype 0.94 busybox report: 15 matches with layer ids, severities mapped', () => {
    const r = parseGrypeJson(load('grype/defectdojo.many_vulns_with_epss_values.json'));
    assert.equal(r.scanner.version, '0.94.0');
    assert.equal(r.findings.length, 15);
    const first = r.findings[0];
    assert.equal(first?.id, 'CVE-2022-28391');
    assert.equal(first?.severity, 'high');
    assert.equal(first?.pkg?.name, 'busybox');
    assert.equal(first?.layerDigest, 'sha256:67f770da229bf16d0c280f232629b0c1f1243a884df09f6b940a1c7288535a6d');
    assert.ok(r.findings.some((f) => f.severity === 'critical'));
  });
  it('the same CVE at two layers stays two findings; synthetic presenter golden; empty reports', () => {
    const r = parseGrypeJson(load('grype/defectdojo.same_cve_different_paths.json'));
    assert.equal(r.findings.length, 2);
    assert.notEqual(r.findings[0]?.layerDigest, r.findings[1]?.layerDigest);
    const p = parseGrypeJson(load('grype/grype-repo.TestJsonImgsPresenter.json.golden'));
    assert.deepEqual(p.findings.map((f) => [f.id, f.severity, f.pkg?.name]), [
      ['CVE-1999-0001', 'low', 'package-1'],
      ['CVE-1999-0002', 'critical', 'package-2'],
    ]);
    assert.equal(p.findings[0]?.pkg?.fixed, '1.2.1, 2.1.3, 3.4.0');
    assert.equal(parseGrypeJson(load('grype/grype-repo.TestEmptyJsonPresenter.json.golden')).findings.length, 0);
    assert.equal(parseGrypeJson(load('grype/defectdojo.no_vuln.json')).findings.length, 0);
    assert.throws(() => parseGrypeJson(load('trivy/alpine-310.json.golden')), ParseError);
  });
});

describe('Docker Scout SARIF parser (synthetic fixture)', { skip }, () => {
  it('reads package, version, severity and fixed version from rules and messages', () => {
    const r = parseScoutSarif(load('scout/SYNTHETIC-scout-cves.sarif.json'));
    assert.equal(r.scanner.name, 'docker scout');
    assert.equal(r.findings.length, 2);
    const f = r.findings[0];
    assert.equal(f?.id, 'CVE-2025-60876');
    assert.equal(f?.severity, 'medium');
    assert.equal(f?.pkg?.name, 'busybox');
    assert.equal(f?.pkg?.installed, '1.37.0-r30');
    assert.equal(f?.pkg?.fixed, undefined, '"not fixed" means no fix');
    assert.throws(() => parseScoutSarif({ runs: [] }), ParseError);
  });
});

describe('config and history checks on Dockle config fixtures', { skip }, () => {
  const checks = (name: string): string[] => {
    const c = parseConfig(load(`dockle/image-config.${name}.json`));
    return [...configChecks(c), ...historyChecks(c.history, new Set(c.env))].map((f) => f.id).sort();
  };
  it('root_default: root user and no healthcheck only', () => {
    assert.deepEqual(checks('root_default'), ['IMG-NO-HEALTHCHECK', 'IMG-USER-ROOT']);
  });
  it('apk_cache: apk add without --no-cache, and a second ADD', () => {
    const ids = checks('apk_cache');
    assert.ok(ids.includes('IMG-APK-CACHE'));
    assert.equal(ids.filter((x) => x === 'IMG-ADD').length, 1, 'the base rootfs ADD is exempt');
  });
  it('apt_update_upgrade: update with upgrade is not "update alone", but the lists stay', () => {
    const ids = checks('apt_update_upgrade');
    assert.ok(!ids.includes('IMG-APT-UPDATE-ALONE'));
    assert.ok(ids.includes('IMG-APT-LISTS'));
  });
  it('multi_add: two ADDs after the base; add_with_arg_statement: none', () => {
    assert.equal(checks('multi_add').filter((x) => x === 'IMG-ADD').length, 2);
    assert.ok(!checks('add_with_arg_statement').includes('IMG-ADD'));
  });
  it('nginx: no credential findings from version variables', () => {
    const ids = checks('nginx');
    assert.ok(!ids.includes('IMG-HISTORY-SECRET') && !ids.includes('IMG-ENV-SECRET'), ids.join(','));
  });
});
