/**
 * Extension-host suite: "Bulkhead: Scan Image…" on a generated image archive whose history matches a
 * Dockerfile, with a fake `trivy` set in the user settings. Checks the Problems entries land on the
 * FROM line (base-image vulnerabilities, aggregated), the RUN line (a later layer's vulnerability),
 * the COPY line (a file finding) and the USER line (configuration finding).
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildImage, dockerArchive, fakeTool, makeTar, tmpDir, type ImageSpec } from '../helpers';

const DOCKERFILE = `FROM alpine:3.19
RUN apk add curl
COPY app/ /app/
USER root
`;

const spec: ImageSpec = {
  layers: [
    { tar: makeTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }]), createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { tar: makeTar([{ name: 'usr/', type: 'directory' }, { name: 'usr/bin/', type: 'directory' }, { name: 'usr/bin/curl', content: 'bin' }]), createdBy: 'RUN /bin/sh -c apk add curl # buildkit' },
    { tar: makeTar([{ name: 'app/', type: 'directory' }, { name: 'app/.env', content: 'DB_PASSWORD=hunter2-fake\n' }]), createdBy: 'COPY app/ /app/ # buildkit' },
  ],
  emptyHistory: [{ before: 3, createdBy: 'USER root' }],
  config: { config: { User: 'root' } },
};

function trivyReport(diffIds: string[]): string {
  const vuln = (id: string, pkg: string, sev: string, installed: string, fixed: string, layer: number): Record<string, unknown> => ({
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: installed,
    FixedVersion: fixed,
    Severity: sev,
    Layer: { DiffID: diffIds[layer] },
  });
  return JSON.stringify({
    SchemaVersion: 2,
    ArtifactName: 'img.tar',
    ArtifactType: 'container_image',
    Metadata: { OS: { Family: 'alpine', Name: '3.19.1' }, DiffIDs: diffIds },
    Results: [
      {
        Target: 'img.tar (alpine 3.19.1)',
        Class: 'os-pkgs',
        Type: 'alpine',
        Vulnerabilities: [
          vuln('CVE-2024-0001', 'libcrypto3', 'CRITICAL', '3.1.4-r0', '3.1.4-r5', 0),
          vuln('CVE-2024-0002', 'busybox', 'MEDIUM', '1.36.1-r15', '', 0),
          vuln('CVE-2024-0003', 'curl', 'HIGH', '8.5.0-r0', '8.7.1-r0', 1),
        ],
      },
    ],
  });
}

describe('image scan (trusted)', () => {
  let dir = '';
  let archive = '';
  let dockerfile: vscode.Uri;
  const scanner = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bulkhead.scanner');

  before(async () => {
    dir = tmpDir();
    const img = buildImage(spec);
    archive = path.join(dir, 'img.tar');
    writeFileSync(archive, dockerArchive(img, spec));
    writeFileSync(path.join(dir, 'trivy.json'), trivyReport(img.diffIds));
    const trivy = fakeTool(dir, 'trivy', `process.stdout.write(require('node:fs').readFileSync(${JSON.stringify(path.join(dir, 'trivy.json'))}));`);
    writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
    dockerfile = vscode.Uri.file(path.join(dir, 'Dockerfile'));
    await scanner().update('default', 'trivy', vscode.ConfigurationTarget.Global);
    await scanner().update('trivyPath', trivy, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await scanner().update('default', undefined, vscode.ConfigurationTarget.Global);
    await scanner().update('trivyPath', undefined, vscode.ConfigurationTarget.Global);
  });

  it('without an argument it offers a quick pick at once; closing it scans nothing', async () => {
    const pending = vscode.commands.executeCommand('bulkhead.scanImage');
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
  });

  it('maps vulnerabilities and findings to the FROM, RUN, COPY and USER lines', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dockerfile));
    const summary = (await vscode.commands.executeCommand('bulkhead.scanImage', archive)) as { scanner: string; findings: number; diagnostics: number; error?: string } | undefined;
    assert.ok(summary, 'the command ran a scan');
    assert.equal(summary.error, undefined);
    assert.equal(summary.scanner, 'trivy + bulkhead');
    const diags = vscode.languages.getDiagnostics(dockerfile).filter((d) => d.source === 'bulkhead image');
    const at = (code: string): number[] => diags.filter((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === code).map((d) => d.range.start.line).sort();
    assert.deepEqual(at('IMG-VULNERABILITIES'), [0, 1], diags.map((d) => `${String(d.code)}@${d.range.start.line}`).join(', '));
    const from = diags.find((d) => d.range.start.line === 0 && String(d.code) === 'IMG-VULNERABILITIES');
    assert.match(from?.message ?? '', /^2 vulnerabilities \(1 critical, 1 medium\); fixed versions: libcrypto3 → 3\.1\.4-r5/);
    assert.equal(from?.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(at('IMG-DOTENV'), [2]);
    assert.deepEqual(at('IMG-USER-ROOT'), [3]);
    assert.deepEqual(at('IMG-NO-HEALTHCHECK'), [0]);
  });
});
