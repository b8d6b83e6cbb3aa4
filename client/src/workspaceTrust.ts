/**
 * Tells the server whether the workspace is trusted (`bulkhead/workspaceTrust`). The server's
 * startup scan for cross-file Kubernetes facts (NetworkPolicies, kustomization patches in files
 * that are not open) reads the workspace on its own, so it waits for this: nothing is sent in
 * Restricted Mode, and granting trust later starts the scan. A restarted server is told again.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceTrustNotification } from '../../protocol/src/protocol';

export function registerWorkspaceTrust(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tell = (): void => {
    if (vscode.workspace.isTrusted && client.isRunning()) void client.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
  };
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(tell),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) tell();
    }),
  );
}
