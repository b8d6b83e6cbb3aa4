/** Showing and exporting a scan report (Markdown in an editor; SARIF / JSON / Markdown / CycloneDX files). */
import * as vscode from 'vscode';
import type { ScanResult } from '../../../server/src/image/model';
import { formatJson, formatMarkdown, toSarif } from '../../../server/src/image/report';
import { toCycloneDx } from '../../../server/src/image/sbom';

export async function showReport(result: ScanResult): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: formatMarkdown(result) });
  await vscode.window.showTextDocument(doc, { preview: true });
}

export async function exportReport(result: ScanResult): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'SARIF', ext: 'sarif', description: 'code-scanning upload' },
      { label: 'JSON', ext: 'json', description: 'Bulkhead result model' },
      { label: 'Markdown', ext: 'md', description: 'human-readable table' },
      { label: 'CycloneDX SBOM', ext: 'cdx.json', description: 'package inventory' },
    ],
    { title: 'Export the image scan report as…' },
  );
  if (!pick) return;
  const base = (result.image.tags[0] ?? 'image').replace(/[^A-Za-z0-9_.-]+/g, '_');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${pick.ext}`) : undefined, filters: { [pick.label]: [pick.ext.split('.').pop() ?? 'json'] } });
  if (!target) return;
  const text =
    pick.ext === 'sarif'
      ? JSON.stringify(toSarif(result), null, 2)
      : pick.ext === 'json'
        ? formatJson(result)
        : pick.ext === 'md'
          ? formatMarkdown(result)
          : JSON.stringify(toCycloneDx(result), null, 2);
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  void vscode.window.showInformationMessage(`Bulkhead: report written to ${vscode.workspace.asRelativePath(target)}.`);
}
