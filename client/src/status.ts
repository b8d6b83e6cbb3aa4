/** The "Bulkhead" language status item: active rules, last lint time and suppressed findings of the active document. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../protocol/src/protocol';
import { describeStatus } from './statusText';
import { DOCUMENT_SELECTOR } from './languageClient';

export function registerStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('bulkhead.status', DOCUMENT_SELECTOR as vscode.DocumentSelector);
  item.name = 'Bulkhead';
  item.text = 'Bulkhead';
  item.command = { title: 'Show Output', command: 'bulkhead.showOutput' };
  const byUri = new Map<string, StatusParams>();
  const render = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? byUri.get(uri) : undefined;
    if (!s) return;
    const d = describeStatus(s);
    item.text = d.text;
    item.detail = d.detail;
    item.severity = d.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  context.subscriptions.push(
    item,
    client.onNotification(StatusNotification.type, (s) => {
      byUri.set(s.uri, s);
      render();
    }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidCloseTextDocument((d) => byUri.delete(d.uri.toString())),
  );
}
