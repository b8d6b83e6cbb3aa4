/** Extension-host suite, Restricted Mode: Build and Scan starts no engine; the results view stays empty. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../client/src/extension';
import { calls, installFakes } from '../../image/fakes';
import { tmpDir } from '../../image/helpers';
import { EXTENSION_ID } from './util';

describe('Build and Scan (Restricted Mode)', () => {
  it('starts no process, publishes nothing, and the results view stays empty', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate();
    const dir = tmpDir();
    installFakes(dir);
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.19\n');
    const uri = vscode.Uri.file(path.join(dir, 'Dockerfile'));
    const saved = { PATH: process.env['PATH'], FAKE_ARGS_DIR: process.env['FAKE_ARGS_DIR'] };
    process.env['PATH'] = `${dir}${path.delimiter}${saved.PATH ?? ''}`;
    process.env['FAKE_ARGS_DIR'] = dir;
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.equal(await vscode.commands.executeCommand('bulkhead.scanDockerfileImage'), undefined);
      assert.equal(await vscode.commands.executeCommand('bulkhead.scanDockerfileImage', uri), undefined);
      assert.deepEqual(calls(dir, 'docker'), [], 'docker was started in Restricted Mode');
      assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead image').length, 0);
      assert.deepEqual(api.imageResults.getChildren(), []);
      assert.equal(await vscode.commands.executeCommand('bulkhead.exportImageReport', 'json', path.join(dir, 'out.json')), undefined);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
