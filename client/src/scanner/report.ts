/** Showing and exporting a scan report (Markdown in an editor; SARIF / JSON / Markdown / CycloneDX files). */
import * as vscode from 'vscode';
import type { ScanResult } from '../../../server/src/image/model';
import { formatJson, formatMarkdown, toSarif } from '../../../server/src/image/report';
import { toCycloneDx } from '../../../server/src/image/sbom';

export type ExportFormat = 'sarif' | 'json' | 'markdown' | 'cyclonedx';

export const EXPORT_FORMATS: readonly { id: ExportFormat; label: string; ext: string; description: string }[] = [
  { id: 'sarif', label: 'SARIF', ext: 'sarif', description: 'code-scanning upload' },
  { id: 'json', label: 'JSON', ext: 'json', description: 'Bulkhead result model' },
  { id: 'markdown', label: 'Markdown', ext: 'md', description: 'human-readable table' },
  { id: 'cyclonedx', label: 'CycloneDX SBOM', ext: 'cdx.json', description: 'package inventory' },
];

/** The report text in one format (the same code the CLI's --format uses). */
export function renderReport(result: ScanResult, format: ExportFormat): string {
  switch (format) {
    case 'sarif':
      return JSON.stringify(toSarif(result), null, 2);
    case 'json':
      return formatJson(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'cyclonedx':
      return JSON.stringify(toCycloneDx(result), null, 2);
  }
}

export async function showReport(result: ScanResult): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatMarkdown(result) });
  await vscode.window.showTextDocument(doc, { preview: true });
}

/** Asks for the format and the file unless given; returns the file written, or undefined when the user cancelled. */
export async function exportReport(result: ScanResult, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const pick = format ? EXPORT_FORMATS.find((f) => f.id === format) : await vscode.window.showQuickPick(EXPORT_FORMATS, { title: 'Export the image scan report as…' });
  if (!pick) return undefined;
  if (!target) {
    const base = (result.image.tags[0] ?? 'image').replace(/[^A-Za-z0-9_.-]+/g, '_');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${pick.ext}`) : undefined, filters: { [pick.label]: [pick.ext.split('.').pop() ?? 'json'] } });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(renderReport(result, pick.id), 'utf8'));
  void vscode.window.showInformationMessage(`Bulkhead: report written to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
