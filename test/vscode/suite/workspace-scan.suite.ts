/**
 * The language server's startup scan through the real client: in a trusted workspace the
 * kustomization on disk (never opened) makes kustomize/prod/deployment.yaml a patch, linted as a
 * partial object (no missing-field findings); in Restricted Mode the client tells the server
 * nothing, no scan runs, and the same file keeps its missing-field findings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openFixture, waitForDiagnostics, waitForCode } from './util';

/** Findings a full Deployment without security settings gets and a patch does not. */
const MISSING_FIELD = ['K8S003', 'K8S004', 'K8S012', 'K8S013'];
const PATCH = 'kustomize/prod/deployment.yaml';

describe('startup scan', () => {
  after(closeAllEditors);

  it(vscode.workspace.isTrusted ? 'trusted: a file listed as a patch by a kustomization that was never opened is linted as a patch' : 'Restricted Mode: no scan, the patch is linted as a full object', async function () {
    const doc = await openFixture(PATCH);
    if (vscode.workspace.isTrusted) {
      // K8S015 (the :latest tag) shows the file was linted; the missing-field findings are gone once the scan found the kustomization.
      const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'K8S015') && !d.some((x) => MISSING_FIELD.includes(codeOf(x) ?? '')), 'a patch lint (K8S015, no missing-field findings)');
      assert.ok(ds.length > 0);
      return;
    }
    await waitForCode(doc.uri, 'K8S003');
    // A trusted workspace's scan of this small folder takes well under a second.
    await new Promise((r) => setTimeout(r, 3000));
    const codes = vscode.languages.getDiagnostics(doc.uri).map(codeOf);
    for (const id of MISSING_FIELD) assert.ok(codes.includes(id), `${id} missing: ${codes.join(',')}`);
  });
});
