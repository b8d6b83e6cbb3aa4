/** The image-scan results tree model (client/src/scanner/resultsModel.ts; no vscode needed). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildResultTree, describeScan, type ResultNode } from '../../client/src/scanner/resultsModel';
import type { ImageFinding, ScanResult } from '../../server/src/image/model';
import { scanImage } from '../../server/src/image/scan';
import { imagesDir, repoRoot, scannersDir, sharedMissing, tmpDir } from './helpers';
import { fakeEnv, installFakes } from './fakes';

function result(findings: ImageFinding[]): ScanResult {
  return { scanner: { name: 'trivy + bulkhead' }, image: { input: 'img.tar', tags: ['example/app:1'], layers: [], history: [] }, findings, packages: [], notes: [], durationMs: 5 };
}

const vuln = (id: string, severity: ImageFinding['severity'], name: string, installed: string, fixed?: string, line?: number): ImageFinding => ({
  id,
  kind: 'vulnerability',
  severity,
  title: `${id} title`,
  message: `${name} ${installed} is affected`,
  pkg: { name, installed, fixed, type: 'apk' },
  layerIndex: 0,
  ...(line !== undefined ? { location: { path: '/w/Dockerfile', line, endLine: line, instruction: 'FROM alpine:3.19' } } : {}),
});

const sample = (): ScanResult =>
  result([
    vuln('CVE-1', 'critical', 'libcrypto3', '3.1.4-r0', '3.1.4-r5', 0),
    vuln('CVE-2', 'critical', 'libssl3', '3.1.4-r0', '3.1.4-r5', 0),
    vuln('CVE-3', 'critical', 'libcrypto3', '3.1.4-r0', '3.1.4-r6', 0),
    vuln('CVE-4', 'medium', 'busybox', '1.36.1-r15', undefined),
    { id: 'IMG-DOTENV', kind: 'file', severity: 'high', title: '.env file in the image', message: 'app/.env holds environment secrets', path: 'app/.env', layerIndex: 2, location: { path: '/w/Dockerfile', line: 2, endLine: 2, instruction: 'COPY app/ /app/' } },
    { id: 'IMG-USER-ROOT', kind: 'config', severity: 'medium', title: 'Runs as root', message: 'The image has no USER', aliases: ['CIS-DI-0001'] },
    { id: 'IMG-NO-HEALTHCHECK', kind: 'config', severity: 'info', title: 'No HEALTHCHECK', message: 'no health check' },
  ]);

/** label [description] per node, children indented: the shape a user sees. */
function outline(nodes: ResultNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` [${n.description}]` : ''}`, ...outline(n.children, depth + 1)]);
}

function all(nodes: ResultNode[]): ResultNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

describe('image results tree model', () => {
  it('groups by severity, then by package (vulnerabilities) or finding, with counts in the group labels', () => {
    assert.deepEqual(outline(buildResultTree(sample())), [
      'Critical (3) [2 packages]',
      '  libcrypto3 (2) [3.1.4-r0 → 3.1.4-r5, 3.1.4-r6]',
      '    CVE-1 [3.1.4-r0 → 3.1.4-r5 · CVE-1 title]',
      '    CVE-3 [3.1.4-r0 → 3.1.4-r6 · CVE-3 title]',
      '  libssl3 (1) [3.1.4-r0 → 3.1.4-r5]',
      '    CVE-2 [3.1.4-r0 → 3.1.4-r5 · CVE-2 title]',
      'High (1) [1 other finding]',
      '  .env file in the image [/app/.env]',
      'Medium (2) [1 package, 1 other finding]',
      '  busybox (1) [1.36.1-r15]',
      '    CVE-4 [1.36.1-r15 → no fix yet · CVE-4 title]',
      '  Runs as root [IMG-USER-ROOT]',
      'Info (1) [1 other finding]',
      '  No HEALTHCHECK [IMG-NO-HEALTHCHECK]',
    ]);
  });

  it('gives icons by severity and kind, expands only the most severe group, and keeps ids unique', () => {
    const roots = buildResultTree(sample());
    assert.deepEqual(roots.map((r) => `${r.icon}/${r.color ?? '-'}/${r.expanded ? 'open' : 'closed'}`), ['flame/error/open', 'error/error/closed', 'warning/warning/closed', 'circle-outline/-/closed']);
    const nodes = all(roots);
    assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length);
    const byLabel = (l: string): ResultNode | undefined => nodes.find((n) => n.label === l);
    assert.equal(byLabel('libcrypto3 (2)')?.icon, 'package');
    assert.equal(byLabel('CVE-1')?.icon, 'bug');
    assert.equal(byLabel('CVE-1')?.color, 'error');
    assert.equal(byLabel('.env file in the image')?.icon, 'file');
    assert.equal(byLabel('Runs as root')?.icon, 'gear');
  });

  it('puts package, versions, location and aliases in tooltips', () => {
    const nodes = all(buildResultTree(sample()));
    const cve = nodes.find((n) => n.label === 'CVE-3');
    assert.equal(cve?.tooltip, ['CVE-3 (critical)', 'CVE-3 title', 'Package libcrypto3 (apk): installed 3.1.4-r0, fixed in 3.1.4-r6', 'libcrypto3 3.1.4-r0 is affected', 'Dockerfile line 1: FROM alpine:3.19', 'Layer 1'].join('\n'));
    assert.match(nodes.find((n) => n.label === 'busybox (1)')?.tooltip ?? '', /^busybox \(apk\): 1 medium vulnerability\nInstalled 1\.36\.1-r15\nNo fixed version yet$/);
    assert.match(nodes.find((n) => n.label === 'Runs as root')?.tooltip ?? '', /IMG-USER-ROOT · also CIS-DI-0001/);
    assert.equal(nodes.find((n) => n.label === '.env file in the image')?.tooltip, ['.env file in the image (high file finding)', 'IMG-DOTENV', 'app/.env holds environment secrets', 'Dockerfile line 3: COPY app/ /app/', 'Layer 3', 'Path: /app/.env'].join('\n'));
  });

  it('opens the mapped Dockerfile line, or the report when a finding has no line; groups open nothing', () => {
    const nodes = all(buildResultTree(sample()));
    assert.deepEqual(nodes.find((n) => n.label === 'CVE-1')?.open, { kind: 'dockerfile', path: '/w/Dockerfile', line: 0 });
    assert.deepEqual(nodes.find((n) => n.label === '.env file in the image')?.open, { kind: 'dockerfile', path: '/w/Dockerfile', line: 2 });
    assert.deepEqual(nodes.find((n) => n.label === 'CVE-4')?.open, { kind: 'report' });
    assert.deepEqual(nodes.find((n) => n.label === 'Runs as root')?.open, { kind: 'report' });
    for (const n of nodes.filter((x) => x.kind !== 'finding')) assert.equal(n.open, undefined, n.label);
  });

  it('is empty for a result without findings (the view shows its welcome or message)', () => {
    assert.deepEqual(buildResultTree(result([])), []);
    assert.match(describeScan(result([]), new Date(0)), /^example\/app:1 · trivy \+ bulkhead · 0 findings · /);
  });

  it('a vulnerability without package data still lands in a group and a node', () => {
    const roots = buildResultTree(result([{ id: 'GHSA-x', kind: 'vulnerability', severity: 'low', title: '', message: 'm' }]));
    assert.deepEqual(outline(roots), ['Low (1) [1 package]', '  (unknown package) (1)', '    GHSA-x']);
  });

  it('covers every finding of a real scan (fake trivy replaying a recorded report) exactly once', async (t) => {
    const skip = sharedMissing();
    if (skip) {
      t.skip(skip);
      return;
    }
    const dir = tmpDir();
    installFakes(dir);
    const env = fakeEnv(dir, { FAKE_TRIVY_OUTPUT: path.join(scannersDir, 'trivy', 'alpine-310.json.golden') });
    const r = await scanImage(path.join(imagesDir, 'insecure.docker-archive.tar'), { scanner: 'trivy', env });
    const roots = buildResultTree(r);
    const leaves = all(roots).filter((n) => n.kind === 'finding');
    assert.equal(leaves.length, r.findings.length);
    const sum = roots.reduce((a, n) => a + Number(/\((\d+)\)$/.exec(n.label)?.[1]), 0);
    assert.equal(sum, r.findings.length);
    // Each package node holds vulnerabilities of that package and of its group's severity only.
    const bySeverity = new Map(roots.map((g) => [g.id, g]));
    for (const g of bySeverity.values()) {
      for (const p of g.children.filter((c) => c.kind === 'package')) {
        const name = p.label.replace(/ \(\d+\)$/, '');
        const expected = r.findings.filter((f) => f.kind === 'vulnerability' && f.pkg?.name === name && `sev:${f.severity}` === g.id).map((f) => f.id).sort();
        assert.deepEqual(p.children.map((c) => c.label).sort(), expected, `${g.label} / ${p.label}`);
      }
    }
    assert.ok(all(roots).some((n) => n.label.startsWith('libssl1.1 (')), outline(roots).join('\n'));
  });
});

describe('package.json contributions of the image results view and commands', () => {
  interface Pkg {
    contributes: {
      commands: { command: string; title: string; icon?: string }[];
      views: Record<string, { id: string; name: string }[]>;
      viewsWelcome: { view: string; contents: string; when?: string }[];
      menus: Record<string, { command: string; when?: string; group?: string }[]>;
    };
  }
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Pkg;
  const commands = new Map(pkg.contributes.commands.map((c) => [c.command, c]));

  it('declares the view in the Explorer with welcome content for trusted and Restricted Mode', () => {
    assert.ok(pkg.contributes.views.explorer?.some((v) => v.id === 'bulkhead.imageResults' && v.name === 'Image Scan Results'));
    const welcome = pkg.contributes.viewsWelcome.filter((w) => w.view === 'bulkhead.imageResults');
    assert.deepEqual(welcome.map((w) => w.when).sort(), ['!isWorkspaceTrusted', 'isWorkspaceTrusted']);
    assert.match(welcome.find((w) => w.when === 'isWorkspaceTrusted')?.contents ?? '', /^No scan yet — .*\n\[Scan Image…\]\(command:bulkhead\.scanImage\)/);
  });

  it('titles the palette commands and links menus and welcome only to contributed commands', () => {
    assert.equal(commands.get('bulkhead.scanDockerfileImage')?.title, 'Scan Image Built from This Dockerfile');
    assert.equal(commands.get('bulkhead.exportImageReport')?.title, 'Export Last Scan Report…');
    for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
      for (const e of entries) {
        assert.ok(commands.has(e.command), `${menu} names ${e.command}, which is not contributed`);
        if (menu === 'view/title' && e.group?.startsWith('navigation')) assert.ok(commands.get(e.command)?.icon, `${e.command} needs an icon in a view title`);
      }
    }
    for (const w of pkg.contributes.viewsWelcome) {
      for (const part of w.contents.split('(command:').slice(1)) {
        const id = part.split(/[?)]/)[0] ?? '';
        assert.ok(commands.has(id) || id.startsWith('workbench.'), `welcome links to unknown command ${id}`);
      }
    }
    assert.ok(pkg.contributes.menus['commandPalette']?.some((m) => m.command === 'bulkhead.imageResults.open' && m.when === 'false'), 'the click command is hidden from the palette');
    for (const menu of ['editor/title', 'explorer/context']) assert.ok(pkg.contributes.menus[menu]?.some((m) => m.command === 'bulkhead.scanDockerfileImage' && /resourceLangId == dockerfile/.test(m.when ?? '')), menu);
  });
});
