/** Extension-host suite, Restricted Mode: "Bulkhead: Scan Image…" starts nothing and publishes nothing. */
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildImage, dockerArchive, fakeTool, makeTar, tmpDir } from '../helpers';

describe('image scan (Restricted Mode)', () => {
  it('refuses to run: no process, no diagnostics', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const dir = tmpDir();
    const spec = { layers: [{ tar: makeTar([{ name: 'x', content: '1', mode: 0o4755 }]) }] };
    const archive = path.join(dir, 'img.tar');
    writeFileSync(archive, dockerArchive(buildImage(spec), spec));
    const marker = path.join(dir, 'ran');
    // A fake trivy on the user-level path setting: it must never start.
    const trivy = fakeTool(dir, 'trivy', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    await vscode.workspace.getConfiguration('bulkhead.scanner').update('trivyPath', trivy, vscode.ConfigurationTarget.Global);
    try {
      writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.19\n');
      const uri = vscode.Uri.file(path.join(dir, 'Dockerfile'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const summary = await vscode.commands.executeCommand('bulkhead.scanImage', archive);
      assert.equal(summary, undefined);
      assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead image').length, 0);
      assert.ok(!existsSync(marker), 'the scanner was started in Restricted Mode');
    } finally {
      await vscode.workspace.getConfiguration('bulkhead.scanner').update('trivyPath', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
