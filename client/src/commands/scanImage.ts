/** "Bulkhead: Scan Image…" (owned by the image-scanning work, issue 5). */
import * as vscode from 'vscode';

/** Registers the scan-image command. */
export function registerScanImageCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulkhead.scanImage', async () => {
      await vscode.window.showInformationMessage('Bulkhead: image scanning is not available in this build.');
    }),
  );
}
