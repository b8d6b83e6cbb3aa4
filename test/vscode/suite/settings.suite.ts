/** Settings reach the language server: severity overrides and disabled rules take effect live. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitForCode, waitForDiagnostics, codeOf, waitForNoCode } from './util';

describe('settings', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bulkhead');
  after(async () => {
    await config().update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('disabledRules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('applies bulkhead.severityOverrides', async () => {
    const doc = await openFixture('Dockerfile');
    const before = await waitForCode(doc.uri, 'DF001');
    assert.equal(before.severity, vscode.DiagnosticSeverity.Warning);
    await config().update('severityOverrides', { DF001: 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'DF001' && d.severity === vscode.DiagnosticSeverity.Error), 'DF001 as an error');
    await config().update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'DF001' && d.severity === vscode.DiagnosticSeverity.Warning), 'DF001 back to a warning');
  });

  it('turns a rule off with bulkhead.disabledRules and back on', async () => {
    const doc = await openFixture('Dockerfile');
    await waitForCode(doc.uri, 'DF001');
    await config().update('disabledRules', ['DF001'], vscode.ConfigurationTarget.Workspace);
    await waitForNoCode(doc.uri, 'DF001');
    await config().update('disabledRules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForCode(doc.uri, 'DF001');
  });
});
