/**
 * Extension-host suite: the "Image Scan Results" view and "Bulkhead: Scan Image Built from This
 * Dockerfile" with a fake `docker` on PATH (records its argv; `build` stores a generated archive under
 * the tag, `save` hands it back) and a fake `trivy` replaying a report whose layers match that image.
 * Checks the build command line, the tree content (groups, packages, versions, icons, tooltips), the
 * clicks (Dockerfile line / report), the export command, and the no-engine and failed-build paths.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../client/src/extension';
import type { ResultNode } from '../../../client/src/scanner/resultsModel';
import { BUILT_SPEC, DOCKERFILE } from '../../image/build-fixture';
import { calls, installFakes } from '../../image/fakes';
import { buildImage, dockerArchive, tmpDir } from '../../image/helpers';
import { EXTENSION_ID } from './util';

interface Summary {
  built?: string;
  scanner?: string;
  findings?: number;
  diagnostics?: number;
  error?: string;
}

function trivyReport(diffIds: string[]): string {
  const vuln = (id: string, pkg: string, sev: string, installed: string, fixed: string, layer: number, title: string): Record<string, unknown> => ({
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: installed,
    FixedVersion: fixed,
    Severity: sev,
    Title: title,
    Layer: { DiffID: diffIds[layer] },
  });
  return JSON.stringify({
    SchemaVersion: 2,
    ArtifactName: 'image.tar',
    ArtifactType: 'container_image',
    Metadata: { OS: { Family: 'alpine', Name: '3.19.1' }, DiffIDs: diffIds },
    Results: [
      {
        Target: 'image.tar (alpine 3.19.1)',
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: [
          vuln('CVE-2024-0001', 'libcrypto3', 'CRITICAL', '3.1.4-r0', '3.1.4-r5', 0, 'openssl: buffer overread'),
          vuln('CVE-2024-0002', 'busybox', 'MEDIUM', '1.36.1-r15', '', 0, 'busybox: awk use after free'),
          vuln('CVE-2024-0003', 'curl', 'HIGH', '8.5.0-r0', '8.7.1-r0', 1, 'curl: HSTS bypass'),
        ],
      },
    ],
  });
}

/** label [description] per node, children indented (what the view shows, expanded). */
function outline(api: BulkheadApi, nodes: ResultNode[] = api.imageResults.getChildren(), depth = 0): string[] {
  return nodes.flatMap((n) => {
    const item = api.imageResults.getTreeItem(n);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return [`${'  '.repeat(depth)}${label}${item.description ? ` [${String(item.description)}]` : ''}`, ...outline(api, api.imageResults.getChildren(n), depth + 1)];
  });
}

function find(api: BulkheadApi, label: string, nodes: ResultNode[] = api.imageResults.getChildren()): ResultNode | undefined {
  for (const n of nodes) {
    if (n.label === label) return n;
    const hit = find(api, label, n.children);
    if (hit) return hit;
  }
  return undefined;
}

describe('image results view and Build and Scan (trusted)', () => {
  let dir = '';
  let project = '';
  let dockerfile: vscode.Uri;
  let api: BulkheadApi;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (k: string, v: string | undefined): void => {
    if (!(k in saved)) saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  const scanner = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bulkhead.scanner');

  before(async () => {
    const ext = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    dir = tmpDir();
    installFakes(dir);
    project = path.join(dir, 'build-ctx');
    mkdirSync(path.join(project, 'app'), { recursive: true });
    writeFileSync(path.join(project, 'app', '.env'), 'DB_PASSWORD=hunter2-fake\n');
    writeFileSync(path.join(project, 'Dockerfile'), DOCKERFILE);
    dockerfile = vscode.Uri.file(path.join(project, 'Dockerfile'));
    const img = buildImage(BUILT_SPEC);
    writeFileSync(path.join(dir, 'built.tar'), dockerArchive(img, BUILT_SPEC, 'built/by:fake'));
    writeFileSync(path.join(dir, 'trivy.json'), trivyReport(img.diffIds));
    // The extension host's own environment: findEngine and the spawned fakes both read it.
    setEnv('PATH', `${dir}${path.delimiter}${process.env['PATH'] ?? ''}`);
    setEnv('FAKE_ARGS_DIR', dir);
    setEnv('FAKE_DOCKER_STORE', path.join(dir, 'store'));
    setEnv('FAKE_DOCKER_BUILD_ARCHIVE', path.join(dir, 'built.tar'));
    setEnv('FAKE_TRIVY_OUTPUT', path.join(dir, 'trivy.json'));
    setEnv('FAKE_DOCKER_MODE', undefined);
    await scanner().update('default', 'trivy', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await scanner().update('default', undefined, vscode.ConfigurationTarget.Global);
  });

  it('contributes the view; before any scan it is empty (its welcome content shows)', async () => {
    await vscode.commands.executeCommand('bulkhead.imageResults.focus');
    assert.deepEqual(api.imageResults.getChildren(), []);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string }[] } };
    assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === 'bulkhead.imageResults' && w.contents.startsWith('No scan yet') && w.contents.includes('(command:bulkhead.scanImage)')));
  });

  it('builds with the engine (argument array), scans the tag with trivy, maps to the Dockerfile and removes the tag', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile));
    const summary = (await vscode.commands.executeCommand('bulkhead.scanDockerfileImage')) as Summary | undefined;
    assert.ok(summary, 'the command ran');
    assert.equal(summary.error, undefined);
    assert.match(summary.built ?? '', /^bulkhead-scan\/build-ctx:\d{8}-\d{6}$/);
    assert.equal(summary.scanner, 'trivy + bulkhead');
    const tag = summary.built ?? '';
    const argv = calls(dir, 'docker');
    assert.deepEqual(argv[0], ['build', '-f', dockerfile.fsPath, '-t', tag, project]);
    assert.deepEqual(argv.slice(1).map((a) => [a[0], a[a.length - 1]]), [
      ['save', tag],
      ['image', tag],
    ]);
    assert.deepEqual(argv[2], ['image', 'rm', tag]);
    const diags = vscode.languages.getDiagnostics(dockerfile).filter((d) => d.source === 'bulkhead image');
    const lines = (code: string): number[] => diags.filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === code).map((d) => d.range.start.line).sort();
    assert.deepEqual(lines('IMG-VULNERABILITIES'), [0, 1]);
    assert.deepEqual(lines('IMG-DOTENV'), [2]);
    assert.deepEqual(lines('IMG-USER-ROOT'), [3]);
  });

  it('shows the scan in the tree: severity groups with counts, packages with installed → fixed versions, findings', () => {
    const text = outline(api);
    const roots = text.filter((l) => !l.startsWith(' '));
    assert.equal(roots[0], 'Critical (1) [1 package]');
    assert.match(roots[1] ?? '', /^High \((\d+)\) \[1 package, \d+ other findings?\]$/);
    assert.ok(roots.some((l) => /^Medium \(\d+\) \[1 package/.test(l)), roots.join('\n'));
    const at = text.indexOf('  libcrypto3 (1) [3.1.4-r0 → 3.1.4-r5]');
    assert.ok(at > 0, text.join('\n'));
    assert.equal(text[at + 1], '    CVE-2024-0001 [3.1.4-r0 → 3.1.4-r5 · openssl: buffer overread]');
    assert.ok(text.includes('    CVE-2024-0003 [8.5.0-r0 → 8.7.1-r0 · curl: HSTS bypass]'));
    assert.ok(text.includes('    CVE-2024-0002 [1.36.1-r15 → no fix yet · busybox: awk use after free]'));
    assert.ok(text.some((l) => /^ {2}\.env file/i.test(l) || /\/app\/\.env\]$/.test(l)), text.join('\n'));
    // Every finding is a leaf exactly once.
    const leaves = (ns: ResultNode[]): number => ns.reduce((a, n) => a + (n.children.length ? leaves(n.children) : 1), 0);
    const total = api.imageResults.getChildren().reduce((a, g) => a + Number(/\((\d+)\)$/.exec(g.label)?.[1]), 0);
    assert.equal(leaves(api.imageResults.getChildren()), total);
    // Icons by severity, tooltips with details, the most severe group expanded.
    const critical = api.imageResults.getTreeItem(api.imageResults.getChildren()[0] as ResultNode);
    assert.equal((critical.iconPath as vscode.ThemeIcon).id, 'flame');
    assert.equal(critical.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const cve = find(api, 'CVE-2024-0003');
    assert.ok(cve);
    const item = api.imageResults.getTreeItem(cve);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'bug');
    assert.match(String(item.tooltip), /Package curl.*installed 8\.5\.0-r0, fixed in 8\.7\.1-r0/);
    assert.match(String(item.tooltip), /Dockerfile line 2: RUN apk add curl/);
  });

  it('a click opens the mapped Dockerfile line, or the report for a finding without a line', async () => {
    const cve = find(api, 'CVE-2024-0003');
    assert.ok(cve);
    const cmd = api.imageResults.getTreeItem(cve).command;
    assert.ok(cmd);
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, dockerfile.fsPath);
    assert.equal(editor?.selection.start.line, 1);
    const leaves = (ns: ResultNode[]): ResultNode[] => ns.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
    const unmapped = leaves(api.imageResults.getChildren()).find((n) => n.open?.kind === 'report');
    if (unmapped) {
      const c = api.imageResults.getTreeItem(unmapped).command;
      assert.ok(c);
      await vscode.commands.executeCommand(c.command, ...(c.arguments ?? []));
      assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# Image scan: /);
    }
    // The same command with the report target always opens the report.
    await vscode.commands.executeCommand('bulkhead.imageResults.open', { kind: 'report' });
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /^# Image scan: .*\n[\s\S]*CVE-2024-0001/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Export Last Scan Report…" writes SARIF, JSON, Markdown and CycloneDX with the export code', async () => {
    const sarifFile = path.join(dir, 'out.sarif');
    const written = (await vscode.commands.executeCommand('bulkhead.exportImageReport', 'sarif', sarifFile)) as vscode.Uri | undefined;
    assert.equal(written?.fsPath, sarifFile);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0]?.results.some((r) => r.ruleId === 'CVE-2024-0001'));
    const total = api.imageResults.getChildren().reduce((a, g) => a + Number(/\((\d+)\)$/.exec(g.label)?.[1]), 0);
    assert.equal(sarif.runs[0]?.results.length, total, 'the export and the tree show the same scan');
    for (const [fmt, file, check] of [
      ['json', 'out.json', /"summary"/],
      ['markdown', 'out.md', /^# Image scan: /],
      ['cyclonedx', 'out.cdx.json', /"bomFormat": "CycloneDX"/],
    ] as const) {
      await vscode.commands.executeCommand('bulkhead.exportImageReport', fmt, path.join(dir, file));
      assert.match(readFileSync(path.join(dir, file), 'utf8'), check, fmt);
    }
  });

  it('a failed build shows the engine error and scans nothing', async () => {
    const before = calls(dir, 'docker').length;
    setEnv('FAKE_DOCKER_MODE', 'buildfail');
    try {
      const summary = (await vscode.commands.executeCommand('bulkhead.scanDockerfileImage', dockerfile)) as Summary | undefined;
      assert.match(summary?.error ?? '', /^docker build failed \(exit code 1\)/);
      assert.equal(summary?.built, undefined);
      assert.deepEqual(calls(dir, 'docker').slice(before).map((a) => a[0]), ['build']);
    } finally {
      setEnv('FAKE_DOCKER_MODE', undefined);
    }
  });

  it('without an engine it builds nothing and offers "Scan Image…" instead', async () => {
    const empty = tmpDir();
    const before = calls(dir, 'docker').length;
    const pathBefore = process.env['PATH'];
    process.env['PATH'] = empty;
    try {
      const summary = (await vscode.commands.executeCommand('bulkhead.scanDockerfileImage', dockerfile)) as Summary | undefined;
      assert.deepEqual(summary, { error: 'no-engine' });
      assert.equal(calls(dir, 'docker').length, before);
      assert.ok(!existsSync(path.join(empty, 'docker')));
    } finally {
      process.env['PATH'] = pathBefore;
    }
  });
});
