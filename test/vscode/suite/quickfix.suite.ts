/** Quick fixes: offered for a diagnostic, applied through the editor, and the diagnostic goes away. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActions, codeOf, openFixture, waitForCode, waitForDiagnostics, waitForNoCode, waitForText } from './util';

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.equal(await vscode.workspace.applyEdit(action.edit), true, `applyEdit refused "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function actionTitled(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  const actions = await codeActions(uri, range);
  const found = actions.find((a) => a.title === title);
  assert.ok(found, `no code action "${title}"; offered: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
  return found;
}

/** Waits until a diagnostic with rule id `code` is present on every listed line (0-based). */
async function waitForCodeOnLines(uri: vscode.Uri, code: string, lines: number[]): Promise<void> {
  await waitForDiagnostics(uri, (ds) => lines.every((l) => ds.some((d) => codeOf(d) === code && d.range.start.line === l)), `${code} on lines ${lines.join(', ')}`);
}

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('offers the K8S001 actions in order and sets privileged: false', async () => {
    const doc = await openFixture('fix/pod.yaml');
    const d = await waitForCode(doc.uri, 'K8S001');
    // Other findings may overlap the range; K8S001's own actions come as one block, fix first.
    const titles = (await codeActions(doc.uri, d.range)).map((a) => a.title);
    const first = titles.indexOf('Set privileged: false');
    assert.ok(first >= 0, `no "Set privileged: false" among: ${titles.join(' | ')}`);
    assert.deepEqual(titles.slice(first, first + 4), ['Set privileged: false', 'Ignore K8S001 on this line', 'Ignore K8S001 in this file', 'Show documentation for K8S001']);
    const fix = await actionTitled(doc.uri, d.range, 'Set privileged: false');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await apply(fix);
    const text = await waitForText(doc, (t) => t.includes('privileged: false'), 'the fix to apply');
    assert.equal(text.split('\n')[9], '        privileged: false');
    assert.ok(!text.includes('privileged: true'));
    await waitForNoCode(doc.uri, 'K8S001');
  });

  it('removes privileged: true from a Compose service (DC001)', async () => {
    const doc = await openFixture('fix/docker-compose.yml');
    const d = await waitForCode(doc.uri, 'DC001');
    await apply(await actionTitled(doc.uri, d.range, 'Remove privileged: true'));
    const text = await waitForText(doc, (t) => !t.includes('privileged'), 'the fix to apply');
    assert.equal(text, 'services:\n  web:\n    image: nginx:1.27\n');
    await waitForNoCode(doc.uri, 'DC001');
  });

  it('silences DF001 with an ignore comment above the FROM line', async () => {
    const doc = await openFixture('fix/Dockerfile');
    const d = await waitForCode(doc.uri, 'DF001');
    await apply(await actionTitled(doc.uri, d.range, 'Ignore DF001 on this line'));
    const text = await waitForText(doc, (t) => t.startsWith('# bulkhead-ignore'), 'the ignore comment');
    assert.equal(text, '# bulkhead-ignore DF001\nFROM node:latest\nCMD ["node", "server.js"]\n');
    await waitForNoCode(doc.uri, 'DF001');
  });

  it('fixes every safe problem at once with source.fixAll.bulkhead (DF004, keeping the keyword case)', async () => {
    const doc = await openFixture('fix/fixall.Dockerfile');
    assert.equal(doc.languageId, 'dockerfile');
    await waitForCodeOnLines(doc.uri, 'DF004', [1, 2]);
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, all, 'source.fixAll.bulkhead');
    const fixAll = (actions ?? []).find((a) => a.kind?.value === 'source.fixAll.bulkhead');
    assert.ok(fixAll?.edit, `no source.fixAll.bulkhead action; got: ${(actions ?? []).map((a) => a.title).join(' | ')}`);
    await apply(fixAll);
    const text = await waitForText(doc, (t) => !/^add /im.test(t), 'both ADD lines to become COPY');
    assert.equal(text, 'FROM alpine:3.20\nCOPY app.py /app/\ncopy config.yaml /etc/app/\nUSER 10001\n');
    await waitForNoCode(doc.uri, 'DF004');
  });

  it('applies safe fixes on save with editor.codeActionsOnSave', async () => {
    const section = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    await section.update('codeActionsOnSave', { 'source.fixAll.bulkhead': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const doc = await openFixture('fix/onsave.Dockerfile');
      await waitForCodeOnLines(doc.uri, 'DF004', [1]);
      // Make the document dirty, then save as a user would (Ctrl+S runs the save participants).
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().length), '# saved\n');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.save');
      const text = await waitForText(doc, (t) => t.includes('COPY app.py') && !doc.isDirty, 'the fix-on-save and the save');
      assert.equal(text, 'FROM alpine:3.20\nCOPY app.py /app/\nUSER 10001\n# saved\n');
    } finally {
      await section.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});
