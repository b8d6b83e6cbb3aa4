/** Helpers for the extension-host suites: fixture documents and bounded, event-driven waits. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bulkhead.bulkhead';
/**
 * Bound on every wait. Generous: CI machines may be loaded (several VS Code instances, builds);
 * a healthy run answers in well under a second, and a wait returns as soon as its event arrives.
 */
export const DEFAULT_WAIT_MS = 45_000;

/** The root of the (copied) fixture workspace the workbench opened. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the workbench opened no workspace folder');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Opens a fixture file in an editor and returns its document. */
export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The rule id of a diagnostic, whether VS Code gives its code as a string or as `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return String(c.value);
}

/** Bulkhead's diagnostics on a document right now. */
export function bulkheadDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead');
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags.map((d) => `${codeOf(d) ?? '?'}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).join('; ');
}

/**
 * Resolves with Bulkhead's diagnostics on `uri` once `accept` returns true for them, checking now
 * and on every `onDidChangeDiagnostics` for that document; rejects after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = bulkheadDiagnostics(uri);
      if (!accept(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; diagnostics now: ${describe(bulkheadDiagnostics(uri))}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Waits until a diagnostic with rule id `code` is present and returns it. */
export async function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic> {
  const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code), `a ${code} diagnostic`, timeoutMs);
  const d = diags.find((x) => codeOf(x) === code);
  assert.ok(d);
  return d;
}

/** Waits until no diagnostic with rule id `code` is left. */
export async function waitForNoCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === code), `${code} to go away`, timeoutMs);
}

/** Waits until `doc`'s text satisfies `accept` (edits are applied asynchronously). */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!accept(doc.getText())) return;
      cleanup();
      resolve(doc.getText());
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; text now:\n${doc.getText()}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** Replaces the whole text of a document in the editor (unsaved, like typing). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'applyEdit refused the edit');
}

/** The text a range covers. */
export function textAt(doc: vscode.TextDocument, range: vscode.Range): string {
  return doc.getText(range);
}

/** Hover contents at a position as one Markdown string. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  }
  return parts.join('\n\n');
}

/** Quick fixes offered for a range. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Closes every editor, discarding unsaved changes, so suites do not see each other's edits. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('_workbench.revertAllDirty');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
