/** "Bulkhead: Show Output". */
import * as vscode from 'vscode';

export function registerShowOutputCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.commands.registerCommand('bulkhead.showOutput', () => output.show(true)));
}
