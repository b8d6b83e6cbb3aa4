/**
 * Scan results as Problems on the Dockerfile: vulnerabilities are aggregated per instruction (the base
 * image's on the FROM line: counts by severity and fixed versions); other findings get one entry each.
 */
import * as vscode from 'vscode';
import { SEVERITIES, severityRank, type ImageFinding, type ScanResult, type Severity } from '../../../server/src/image/model';

function level(s: Severity): vscode.DiagnosticSeverity {
  return s === 'critical' || s === 'high' ? vscode.DiagnosticSeverity.Error : s === 'medium' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

function lineRange(doc: vscode.TextDocument | undefined, line: number): vscode.Range {
  if (doc && line < doc.lineCount) return doc.lineAt(line).range;
  return new vscode.Range(line, 0, line, 200);
}

export function vulnerabilitySummary(vulns: readonly ImageFinding[]): { message: string; worst: Severity } {
  const counts = new Map<Severity, number>();
  for (const v of vulns) counts.set(v.severity, (counts.get(v.severity) ?? 0) + 1);
  const worst = [...vulns].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0]?.severity ?? 'info';
  const parts = SEVERITIES.filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s}`);
  const fixes = new Map<string, string>();
  for (const v of vulns) if (v.pkg?.fixed && !fixes.has(v.pkg.name)) fixes.set(v.pkg.name, `${v.pkg.name} → ${v.pkg.fixed}`);
  const fixText = fixes.size ? `; fixed versions: ${[...fixes.values()].slice(0, 8).join(', ')}${fixes.size > 8 ? ', …' : ''}` : '; no fixed versions yet';
  return { message: `${vulns.length} vulnerabilit${vulns.length === 1 ? 'y' : 'ies'} (${parts.join(', ')})${fixText}`, worst };
}

export async function publishDiagnostics(collection: vscode.DiagnosticCollection, result: ScanResult, dockerfile: vscode.Uri | undefined): Promise<number> {
  collection.clear();
  if (!dockerfile) return 0;
  let doc: vscode.TextDocument | undefined;
  try {
    doc = await vscode.workspace.openTextDocument(dockerfile);
  } catch {
    doc = undefined;
  }
  const diags: vscode.Diagnostic[] = [];
  const vulnsByLine = new Map<number, ImageFinding[]>();
  for (const f of result.findings) {
    if (!f.location) continue;
    if (f.kind === 'vulnerability') {
      vulnsByLine.set(f.location.line, [...(vulnsByLine.get(f.location.line) ?? []), f]);
      continue;
    }
    const d = new vscode.Diagnostic(lineRange(doc, f.location.line), `${f.title}: ${f.message}`, level(f.severity));
    d.source = 'bulkhead image';
    d.code = f.id;
    diags.push(d);
  }
  for (const [line, vulns] of vulnsByLine) {
    const { message, worst } = vulnerabilitySummary(vulns);
    const d = new vscode.Diagnostic(lineRange(doc, line), `${message} [${result.scanner.name}]`, level(worst));
    d.source = 'bulkhead image';
    d.code = 'IMG-VULNERABILITIES';
    diags.push(d);
  }
  collection.set(dockerfile, diags);
  return diags.length;
}
