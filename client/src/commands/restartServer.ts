/** "Bulkhead: Restart Language Server". */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerRestartServerCommand(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulkhead.restartServer', async () => {
      output.info('Restarting the Bulkhead language server');
      await client.restart();
    }),
  );
}
