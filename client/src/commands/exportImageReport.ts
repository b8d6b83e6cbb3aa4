/**
 * "Bulkhead: Export Last Scan Report…": the last image scan as SARIF, JSON, Markdown or a CycloneDX
 * SBOM, with the same code as the CLI's formats. Optional arguments (format, target file) skip the
 * pickers, for keybindings, tasks and tests.
 */
import * as vscode from 'vscode';
import { EXPORT_FORMATS, exportReport } from '../scanner/report';
import type { LastScan } from '../scanner/resultsTree';

export function registerExportImageReportCommand(context: vscode.ExtensionContext, last: LastScan): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulkhead.exportImageReport', async (format?: unknown, target?: unknown): Promise<vscode.Uri | undefined> => {
      const result = last.result;
      if (!result) {
        void vscode.window
          .showInformationMessage('Bulkhead: no image scan yet. Run "Bulkhead: Scan Image…" first.', 'Scan Image…')
          .then((c) => (c ? vscode.commands.executeCommand('bulkhead.scanImage') : undefined));
        return undefined;
      }
      const fmt = EXPORT_FORMATS.find((f) => f.ext === format || f.id === format)?.id;
      const uri = target instanceof vscode.Uri ? target : typeof target === 'string' && target !== '' ? vscode.Uri.file(target) : undefined;
      return exportReport(result, fmt, uri);
    }),
  );
}
