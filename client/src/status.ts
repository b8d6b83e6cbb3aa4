/** The "Bulkhead" language status item: active rules, last lint time and suppressed findings of the active document. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../protocol/src/protocol';
import { DOCUMENT_SELECTOR } from './languageClient';

/** Formats one status for the item (exported for tests). */
export function describeStatus(s: StatusParams): { text: string; detail: string; severity: 'info' | 'warning' } {
  if (s.skipped !== undefined) return { text: 'Bulkhead: not linted', detail: s.skipped, severity: 'info' };
  const time = new Date(s.lintedAt).toLocaleTimeString();
  const parts = [s.kind === 'kubernetes' && s.profile ? `kubernetes, PSS ${s.profile}` : s.kind, `last lint ${time} (${s.durationMs.toFixed(1)} ms)`, `${s.suppressed} suppressed`];
  if (s.configFiles && s.configFiles.length > 0) parts.push(`config: ${s.configFiles.map((f) => f.split(/[\\/]/).pop() ?? f).join(', ')}`);
  if (s.unusedSuppressions > 0) parts.push(`${s.unusedSuppressions} unused suppression${s.unusedSuppressions === 1 ? '' : 's'}`);
  if (s.crashedRules.length > 0) parts.push(`rules failed: ${s.crashedRules.join(', ')}`);
  return { text: `Bulkhead: ${s.activeRules} rules`, detail: parts.join(' · '), severity: s.crashedRules.length > 0 ? 'warning' : 'info' };
}

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
