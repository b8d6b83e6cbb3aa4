/**
 * "Bulkhead: Show Rule Documentation": asks the server for the rule's page (rendered offline from
 * the rule metadata) and opens it in the Markdown preview through a read-only virtual document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, RuleDocsRequest } from '../../../protocol/src/protocol';

const SCHEME = 'bulkhead-rule';

export function registerShowRuleDocsCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  const pages = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => pages.get(uri.path.replace(/^\//, '').replace(/\.md$/, '')) ?? '',
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    vscode.commands.registerCommand(ClientCommands.showRuleDocs, async (arg?: unknown) => {
      const id = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ prompt: 'Rule id or name, e.g. DF001 or latest-tag' });
      if (!id) return;
      const page = await client.sendRequest(RuleDocsRequest.type, { id });
      if (!page) {
        await vscode.window.showWarningMessage(`Bulkhead has no rule called '${id}'.`);
        return;
      }
      pages.set(page.id, page.markdown);
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${page.id}.md` });
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
}
